using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Sanxiang.Bench.Media;

/// <summary>
/// A deterministic byte sequence of any length that can be read from any offset: little-endian 64-bit words, word
/// <c>i</c> being SplitMix64's output for counter <c>seed + i</c>. A resumed upload regenerates exactly the bytes it
/// sent before, so no source file is needed on disk.
/// </summary>
internal static class Generated
{
    public static void Fill(ulong seed, long position, Span<byte> destination)
    {
        Span<byte> word = stackalloc byte[8];
        while (destination.Length > 0)
        {
            var index = position >> 3;
            var skip = (int)(position & 7);
            if (skip == 0 && destination.Length >= 8)
            {
                var words = destination.Length >> 3;
                for (var w = 0; w < words; w++)
                {
                    BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(w << 3, 8), Mix(seed + (ulong)(index + w)));
                }

                position += (long)words << 3;
                destination = destination[(words << 3)..];
                continue;
            }

            BinaryPrimitives.WriteUInt64LittleEndian(word, Mix(seed + (ulong)index));
            var n = Math.Min(8 - skip, destination.Length);
            word.Slice(skip, n).CopyTo(destination);
            position += n;
            destination = destination[n..];
        }
    }

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}

/// <summary>The client's SHA-256 of the sequence, each offset hashed once however often it is sent (resumes re-send).</summary>
internal sealed class SentHash : IDisposable
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Hashed { get; private set; }

    public void Observe(ReadOnlySpan<byte> data, long position)
    {
        if (position > Hashed)
        {
            throw new InvalidOperationException($"a gap: bytes from {position} sent before {Hashed}");
        }

        var end = position + data.Length;
        if (end <= Hashed)
        {
            return;
        }

        _sha.AppendData(data[(int)(Hashed - position)..]);
        Hashed = end;
    }

    public string Finish() => Convert.ToHexStringLower(_sha.GetHashAndReset());

    public void Dispose() => _sha.Dispose();
}

/// <summary>
/// A request body of the sequence's bytes [start, end), reported to <see cref="SentHash"/> as they are read. With
/// <c>dropAt</c> inside the range it hands out the bytes up to that offset and then fails, which makes HttpClient abort
/// the request mid-body: the server sees the connection drop.
/// </summary>
internal sealed class GeneratedBody(ulong seed, long start, long end, SentHash hash, long dropAt = -1) : Stream
{
    private readonly long _start = start;
    private long _position = start;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => end - _start;

    public override long Position
    {
        get => _position - _start;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (dropAt >= 0 && _position >= dropAt)
        {
            throw new IOException($"deliberate connection drop at offset {dropAt}");
        }

        var limit = dropAt >= 0 ? Math.Min(end, dropAt) : end;
        var n = (int)Math.Min(buffer.Length, limit - _position);
        if (n <= 0)
        {
            return 0;
        }

        Generated.Fill(seed, _position, buffer[..n]);
        hash.Observe(buffer[..n], _position);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
