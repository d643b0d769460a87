namespace Sanxiang.Kernel.Domain;

/// <summary>One broken rule about one input field (field may be empty for whole-object rules).</summary>
public sealed record FieldError(string Field, string RuleId, string Message);

/// <summary>
/// A broken domain rule. <see cref="RuleId"/> names the rule in DOMAIN.md (e.g. "REG-5") or a local
/// invariant ("REG-CERT-UNIQUE"); <see cref="Exception.Message"/> is the Chinese text shown to users.
/// The API maps it to a 409/422 ProblemDetails carrying the rule ID and the field errors.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string ruleId, string message, string field = "")
        : this([new FieldError(field, ruleId, message)])
    {
    }

    public DomainRuleException(IReadOnlyList<FieldError> errors)
        : base(errors is { Count: > 0 } ? string.Join("；", errors.Select(e => e.Message)) : "数据不符合规则")
    {
        Errors = errors ?? [];
        RuleId = Errors.Count > 0 ? Errors[0].RuleId : "UNKNOWN";
    }

    public DomainRuleException()
        : this("UNKNOWN", "数据不符合规则")
    {
    }

    public DomainRuleException(string message)
        : this("UNKNOWN", message)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        RuleId = "UNKNOWN";
        Errors = [];
    }

    public string RuleId { get; }

    /// <summary>True when the rule forbids the action in the object's current state (HTTP 409), not the input (422).</summary>
    public bool IsConflict { get; private init; }

    /// <summary>A rule that forbids the action in the object's current state (e.g. an archived case): HTTP 409.</summary>
    public static DomainRuleException Conflict(string ruleId, string message) =>
        new([new FieldError(string.Empty, ruleId, message)]) { IsConflict = true };

    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Throws when the list holds any error.</summary>
    public static void ThrowIfAny(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }
    }
}
