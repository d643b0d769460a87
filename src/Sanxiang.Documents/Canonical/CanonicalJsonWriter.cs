using System.Globalization;
using System.Text;

namespace Sanxiang.Documents;

/// <summary>
/// The small JSON writer behind <see cref="CanonicalForm"/>: no whitespace, RFC 8785 string escaping, LF line
/// breaks. Written by hand so the bytes do not depend on a serializer's escaping choices between .NET versions.
/// </summary>
internal sealed class CanonicalJsonWriter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly StringBuilder _text = new(4096);
    private bool _needsComma;

    public CanonicalJsonWriter Begin(char bracket)
    {
        _text.Append(bracket);
        _needsComma = false;
        return this;
    }

    public CanonicalJsonWriter End(char bracket)
    {
        _text.Append(bracket);
        _needsComma = true;
        return this;
    }

    /// <summary>Starts an array element.</summary>
    public CanonicalJsonWriter Item()
    {
        Separate();
        return this;
    }

    public CanonicalJsonWriter Name(string name)
    {
        Separate();
        Quote(name);
        _text.Append(':');
        _needsComma = false;
        return this;
    }

    public CanonicalJsonWriter String(string? value)
    {
        if (value is null)
        {
            return Null();
        }

        Quote(DocumentText.NormalizeLineBreaks(value));
        _needsComma = true;
        return this;
    }

    public CanonicalJsonWriter Strings(IEnumerable<string> values)
    {
        Begin('[');
        foreach (var value in values)
        {
            Item().String(value);
        }

        return End(']');
    }

    public CanonicalJsonWriter Bool(bool value)
    {
        _text.Append(value ? "true" : "false");
        _needsComma = true;
        return this;
    }

    public CanonicalJsonWriter Null()
    {
        _text.Append("null");
        _needsComma = true;
        return this;
    }

    /// <summary>The UTF-8 bytes; throws <see cref="EncoderFallbackException"/> when a string holds a lone surrogate.</summary>
    public byte[] ToArray() => StrictUtf8.GetBytes(_text.ToString());

    private void Separate()
    {
        if (_needsComma)
        {
            _text.Append(',');
        }

        _needsComma = false;
    }

    private void Quote(string value)
    {
        _text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': _text.Append("\\\""); break;
                case '\\': _text.Append("\\\\"); break;
                case '\b': _text.Append("\\b"); break;
                case '\f': _text.Append("\\f"); break;
                case '\n': _text.Append("\\n"); break;
                case '\r': _text.Append("\\r"); break;
                case '\t': _text.Append("\\t"); break;
                case < ' ': _text.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: _text.Append(c); break;
            }
        }

        _text.Append('"');
    }
}
