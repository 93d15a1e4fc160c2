using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Evident.Web.Tests;

/// <summary>What the Voices tests read from a page, an export, and the workspace itself.</summary>
internal static partial class VoicesPage
{
    /// <summary>The number in <c>#voices-count</c>.</summary>
    public static long Count(string html)
    {
        var match = CountPattern().Match(html);
        Assert.True(match.Success, "no #voices-count on the page");
        return long.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    /// <summary>The HTML of each <c>article.comment</c>, in page order.</summary>
    public static IReadOnlyList<string> Articles(string html) =>
        [.. ArticlePattern().Matches(html).Select(m => m.Value)];

    /// <summary>The feedback ids of the comments shown, in page order.</summary>
    public static IReadOnlyList<long> Ids(string html) =>
        [.. IdPattern().Matches(html).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    /// <summary>
    /// Counts customer comments in the workspace file with SQL of the test's own: <paramref name="condition"/> is about
    /// <c>feedback f</c>, with values bound from <paramref name="parameters"/>.
    /// </summary>
    public static long SqlCount(string database, string condition, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64(Scalar(database, $"SELECT count(*) FROM feedback f WHERE f.subject = 'customer' AND f.text IS NOT NULL AND ({condition})", parameters), CultureInfo.InvariantCulture);

    public static List<long> SqlIds(string database, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open(database);
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public static object Scalar(string database, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open(database);
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar()!;
    }

    /// <summary>Fetches an export and parses it (RFC 4180), header first.</summary>
    public static async Task<List<string[]>> ExportAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/voices/export.csv" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment;", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        return ParseCsv((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
    }

    /// <summary>A small RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    public static List<string[]> ParseCsv(string csv)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    [GeneratedRegex("<p id=\"voices-count\">([0-9][0-9,]*) comments?")]
    private static partial Regex CountPattern();

    [GeneratedRegex("<article class=\"comment\".*?</article>", RegexOptions.Singleline)]
    private static partial Regex ArticlePattern();

    [GeneratedRegex("<article class=\"comment\" data-id=\"([0-9]+)\"")]
    private static partial Regex IdPattern();
}
