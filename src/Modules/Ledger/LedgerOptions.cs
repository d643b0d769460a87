namespace Sanxiang.Ledger;

/// <summary>Bound from "Ledger". One log per deployment; its hash suite is fixed and named by its origin.</summary>
internal sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>The log's name without the suite, e.g. "anping.sanxiang.gov.cn/ledger".</summary>
    public string Name { get; set; } = "sanxiang.localhost/ledger";

    /// <summary>"sha256" (default) or "sm3" (national-crypto deployments, SEC-CRYPTO-1).</summary>
    public string HashSuite { get; set; } = "sha256";

    /// <summary>How long the sequencer waits between batches (the log is at most about this far behind).</summary>
    public int BatchIntervalMilliseconds { get; set; } = 500;

    public int BatchSize { get; set; } = 2000;

    /// <summary>Whether the background sequencer runs in this instance (all instances may; a lock keeps one at a time).</summary>
    public bool RunSequencer { get; set; } = true;

    /// <summary>
    /// C2SP tlog-witness witnesses (e.g. the Justice Bureau's) to which each new checkpoint is pushed; their
    /// cosignatures are published with the checkpoint.
    /// </summary>
    public List<LedgerWitnessOptions> Witnesses { get; set; } = [];

    /// <summary>The checkpoint origin line: the name and the hash suite, e.g. "sanxiang.localhost/ledger/sha256".</summary>
    public string Origin => $"{Name}/{HashSuite}";
}

/// <summary>A witness: its base URL (add-checkpoint is POSTed to Url/add-checkpoint) and its cosignature verifier key.</summary>
internal sealed class LedgerWitnessOptions
{
    public string Url { get; set; } = string.Empty;

    public string VerifierKey { get; set; } = string.Empty;
}
