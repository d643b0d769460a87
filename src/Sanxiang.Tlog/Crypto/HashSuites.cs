namespace Sanxiang.Tlog.Crypto;

/// <summary>The hash suites a log can use (issue 3, SEC-CRYPTO-1); the suite is fixed per log.</summary>
public static class HashSuites
{
    /// <summary>RFC 6962 tree hashing with SHA-256 (the same instance as <see cref="HashSuite.Sha256"/>).</summary>
    public static HashSuite Sha256 => HashSuite.Sha256;

    /// <summary>RFC 6962 tree hashing with SM3 (GB/T 32905-2016).</summary>
    public static HashSuite Sm3 { get; } = new Sm3Suite();

    /// <summary>The suite named "sha256" or "sm3", or null.</summary>
    public static HashSuite? FromName(string name) => name switch
    {
        "sha256" => Sha256,
        "sm3" => Sm3,
        _ => null,
    };
}
