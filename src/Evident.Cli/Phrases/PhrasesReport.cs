namespace Evident.Cli.Phrases;

/// <summary>Everything <c>evident phrases</c> prints, in the shape of its JSON.</summary>
/// <param name="Input">The input as messages name it.</param>
/// <param name="Texts">How many texts were read (rows that failed are not counted).</param>
public sealed record PhrasesReport(string Input, int Texts, IReadOnlyList<PhraseRow> Phrases);

/// <summary>One emerging phrase, best first.</summary>
/// <param name="Phrase">The phrase in lower case, as counted.</param>
/// <param name="Texts">How many texts it occurs in.</param>
/// <param name="Occurrences">How often it occurs in all.</param>
/// <param name="Score">Local mutual information: occurrences × log₂(how much likelier its words are together than apart).</param>
public sealed record PhraseRow(string Phrase, int Texts, int Occurrences, double Score, IReadOnlyList<PhraseExampleRow> Examples);

/// <summary>One text the phrase occurs in.</summary>
/// <param name="Row">The input's 0-based data row, as in <c>analyze</c>'s output.</param>
/// <param name="Start">Where the phrase starts in <paramref name="Text"/>, in UTF-16 characters.</param>
/// <param name="Text">The whole text.</param>
public sealed record PhraseExampleRow(long Row, int Start, int Length, string Text);
