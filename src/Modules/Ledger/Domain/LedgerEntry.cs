using System.Buffers.Binary;
using System.Text;

namespace Sanxiang.Ledger.Domain;

/// <summary>
/// One log entry: the canonical, versioned, compact binary encoding of one domain event. It carries no
/// personal data in clear: IDs, codes, the actor's ID, the time, and hashes of the full event payload and of
/// any attached files (the payload itself stays with its module). Layout of version 1, all integers big-endian:
/// <code>
/// u8  version (= 1)
/// u8  length, bytes   module            (ASCII, 1..32)
/// u8  length, bytes   event type        (ASCII, 1..100)
/// 16 bytes            event ID          (UUID, RFC 9562 byte order)
/// 16 bytes            aggregate ID      (UUID)
/// u8  length, bytes   actor             (UTF-8, 0..100: a user ID, "apikey:{id}" or "system")
/// i64                 occurred at       (Unix milliseconds, UTC)
/// u8  suite length, bytes suite name    ("sha256" or "sm3")
/// 32 bytes            hash of the event payload
/// u8  count, then 32 bytes each         hashes of attached files (0..16)
/// </code>
/// The encoding is unique for a given event (no optional orderings), so re-encoding a decoded entry gives
/// the same bytes, and its size is at most 1 + 33 + 101 + 32 + 101 + 8 + 7 + 32 + 1 + 512 = 828 bytes.
/// </summary>
internal sealed record LedgerEntry(
    string Module,
    string EventType,
    Guid EventId,
    Guid AggregateId,
    string Actor,
    DateTimeOffset OccurredAt,
    string Suite,
    byte[] PayloadHash,
    IReadOnlyList<byte[]> AttachmentHashes)
{
    public const byte Version1 = 1;
    public const int MaxAttachments = 16;

    public byte[] Encode()
    {
        Validate();
        var buffer = new byte[1024];
        var w = 0;
        buffer[w++] = Version1;
        w += WriteString(buffer.AsSpan(w), Module, Encoding.ASCII);
        w += WriteString(buffer.AsSpan(w), EventType, Encoding.ASCII);
        EventId.TryWriteBytes(buffer.AsSpan(w, 16), bigEndian: true, out _);
        w += 16;
        AggregateId.TryWriteBytes(buffer.AsSpan(w, 16), bigEndian: true, out _);
        w += 16;
        w += WriteString(buffer.AsSpan(w), Actor, Encoding.UTF8);
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(w, 8), OccurredAt.ToUnixTimeMilliseconds());
        w += 8;
        w += WriteString(buffer.AsSpan(w), Suite, Encoding.ASCII);
        PayloadHash.CopyTo(buffer.AsSpan(w, 32));
        w += 32;
        buffer[w++] = (byte)AttachmentHashes.Count;
        foreach (var h in AttachmentHashes)
        {
            h.CopyTo(buffer.AsSpan(w, 32));
            w += 32;
        }

        return buffer.AsSpan(0, w).ToArray();
    }

    public static LedgerEntry Decode(ReadOnlySpan<byte> data)
    {
        var r = 0;
        if (data.Length < 1 || data[r++] != Version1)
        {
            throw new FormatException("unknown ledger entry version");
        }

        var module = ReadString(data, ref r, Encoding.ASCII);
        var eventType = ReadString(data, ref r, Encoding.ASCII);
        var eventId = new Guid(Take(data, ref r, 16), bigEndian: true);
        var aggregateId = new Guid(Take(data, ref r, 16), bigEndian: true);
        var actor = ReadString(data, ref r, Encoding.UTF8);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(Take(data, ref r, 8)));
        var suite = ReadString(data, ref r, Encoding.ASCII);
        var payload = Take(data, ref r, 32).ToArray();
        var count = Take(data, ref r, 1)[0];
        var attachments = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            attachments.Add(Take(data, ref r, 32).ToArray());
        }

        if (r != data.Length)
        {
            throw new FormatException("trailing bytes after the ledger entry");
        }

        var entry = new LedgerEntry(module, eventType, eventId, aggregateId, actor, at, suite, payload, attachments);
        if (!entry.Encode().AsSpan().SequenceEqual(data))
        {
            throw new FormatException("ledger entry is not in canonical form");
        }

        return entry;
    }

    private void Validate()
    {
        if (Module.Length is 0 or > 32 || EventType.Length is 0 or > 100 || Encoding.UTF8.GetByteCount(Actor) > 100 || Suite.Length is 0 or > 16
            || PayloadHash.Length != 32 || AttachmentHashes.Count > MaxAttachments || AttachmentHashes.Any(h => h.Length != 32)
            || !Module.All(char.IsAscii) || !EventType.All(char.IsAscii))
        {
            throw new FormatException("ledger entry field out of range");
        }
    }

    private static int WriteString(Span<byte> destination, string value, Encoding encoding)
    {
        var n = encoding.GetBytes(value, destination[1..]);
        destination[0] = (byte)n;
        return n + 1;
    }

    private static string ReadString(ReadOnlySpan<byte> data, ref int r, Encoding encoding)
    {
        var length = Take(data, ref r, 1)[0];
        return encoding.GetString(Take(data, ref r, length));
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, ref int r, int n)
    {
        if (r + n > data.Length)
        {
            throw new FormatException("truncated ledger entry");
        }

        var slice = data.Slice(r, n);
        r += n;
        return slice;
    }
}
