namespace Sanxiang.Kernel.Domain;

/// <summary>Collects field errors with Chinese messages; shared by aggregates, forms and imports.</summary>
public sealed class Check
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public Check Add(string field, string ruleId, string message)
    {
        _errors.Add(new FieldError(field, ruleId, message));
        return this;
    }

    public Check Required(string field, string label, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "INPUT-REQUIRED", $"{label}不能为空");
        }

        return MaxLength(field, label, value, maxLength);
    }

    public Check MaxLength(string field, string label, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, "INPUT-LENGTH", $"{label}不能超过{maxLength}个字符（现为{value.Length}个）");
        }

        return this;
    }

    public Check That(bool condition, string field, string ruleId, string message)
    {
        if (!condition)
        {
            Add(field, ruleId, message);
        }

        return this;
    }

    public void ThrowIfAny() => DomainRuleException.ThrowIfAny(_errors);
}
