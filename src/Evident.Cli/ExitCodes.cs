namespace Evident.Cli;

/// <summary>What the <c>evident</c> command returns to the shell.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run completed but some rows could not be read or analysed; each one is reported.</summary>
    public const int RowsFailed = 1;

    /// <summary>Nothing could be done: bad arguments, a missing file or column, an unreadable header.</summary>
    public const int UsageOrInput = 2;

    /// <summary>Interrupted (Ctrl+C), by the shell's convention 128 + SIGINT.</summary>
    public const int Cancelled = 130;
}
