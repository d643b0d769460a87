using Sanxiang.Tlog;
using Sanxiang.Tlog.Crypto;
using Sanxiang.Tlog.Note;
using Sanxiang.Tlog.Verify;

namespace Sanxiang.Cli;

/// <summary>
/// <c>sanxiang ledger verify URL [--key VERIFIER-KEY]</c>: downloads a log published in the C2SP tlog-tiles
/// layout (URL is its prefix, e.g. http://127.0.0.1:5080/ledger), checks the checkpoint's signature, every
/// tile against it and the root recomputed from the entries, and names the first bad index. Exit codes:
/// 0 the log verifies, 1 it does not, 2 wrong usage or the log could not be read.
/// </summary>
internal static class LedgerCommands
{
    private const string Usage = """
        用法: sanxiang ledger verify <日志地址前缀> [--key <验证公钥>]
          例如: sanxiang ledger verify http://127.0.0.1:5080/ledger --key 'sanxiang.localhost/ledger/sha256+c32112b0+AX/W…'
          不给 --key 时从 <前缀>/verifier-key 取公钥（仅适合自查：请从门户或司法局取得公钥后比对）。
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (args.Length < 3 || args[0] != "ledger" || args[1] != "verify")
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var prefix = args[2].TrimEnd('/') + "/";
        var keyIndex = Array.IndexOf(args, "--key");
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        try
        {
            var keyText = keyIndex > 0 && keyIndex + 1 < args.Length ? args[keyIndex + 1] : (await http.GetStringAsync(new Uri(prefix + "verifier-key"), ct)).Trim();
            var key = NoteKeys.ParseVerifier(keyText);

            // The hash suite is named by the log's origin (…/sha256 or …/sm3), which is also the key's name.
            var suite = key.Name.EndsWith("/sm3", StringComparison.Ordinal) ? HashSuites.Sm3 : HashSuite.Sha256;
            var result = await LogVerifier.VerifyAsync(
                async (path, token) =>
                {
                    using var response = await http.GetAsync(new Uri(prefix + path), token);
                    return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync(token) : null;
                },
                key,
                suite,
                ct);
            await output.WriteLineAsync(result.Message);
            await output.WriteLineAsync($"origin: {key.Name}  size: {result.TreeSize}  suite: {suite.Name}  ok: {result.Ok}{(result.FirstBadIndex is { } i ? $"  first bad index: {i}" : string.Empty)}");
            return result.Ok ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or FormatException or TaskCanceledException)
        {
            await error.WriteLineAsync($"无法读取或解析日志：{e.Message}");
            return 2;
        }
    }
}
