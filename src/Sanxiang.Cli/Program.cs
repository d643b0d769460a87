namespace Sanxiang.Cli;

/// <summary>The <c>sanxiang</c> command (named class, so it does not clash with the web host's Program).</summary>
internal static class Entry
{
    public static Task<int> Main(string[] args) => LedgerCommands.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
}
