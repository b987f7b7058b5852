namespace ServerlessService.Core.Common;

/// <summary>Collects field errors for one input and throws them together.</summary>
public sealed class Check
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public Check Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public string? Text(string field, string? value, int maxLength, bool required = true, int minLength = 1)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required) Add(field, "is required.");
            return null;
        }
        if (trimmed.Length > maxLength) Add(field, $"must be at most {maxLength} characters.");
        else if (trimmed.Length < minLength) Add(field, $"must be at least {minLength} characters.");
        else if (trimmed.Any(char.IsControl)) Add(field, "must not contain control characters.");
        return trimmed;
    }

    public string? OneOf(string field, string? value, IReadOnlyCollection<string> allowed, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, $"is required; one of: {string.Join(", ", allowed)}.");
            return null;
        }
        var match = allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null) Add(field, $"must be one of: {string.Join(", ", allowed)}.");
        return match;
    }

    public string? Phone(string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "is required.");
            return null;
        }
        if (value.Length > 32 || !Phones.TryNormalize(value, out var e164))
        {
            Add(field, "is not a valid phone number; use E.164, e.g. +8613800138000.");
            return null;
        }
        return e164;
    }

    public int? Range(string field, int? value, int min, int max, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, "is required.");
            return null;
        }
        if (value < min || value > max) Add(field, $"must be between {min} and {max}.");
        return value;
    }

    public void ThrowIfAny()
    {
        if (HasErrors) throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
