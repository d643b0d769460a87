namespace Sanxiang.Tlog.Crypto;

/// <summary>
/// Incremental SM3 (GB/T 32905-2016): append data in pieces of any size, then finish. Whole blocks are compressed
/// straight from the caller's span; only a partial block is buffered. After <see cref="Finish(Span{byte})"/>
/// the hasher is reset and can be reused.
/// </summary>
public sealed class Sm3Hasher
{
    private readonly byte[] _buffer = new byte[Sm3.BlockSizeInBytes];
    private Sm3State _state = Sm3State.Initial;
    private int _buffered;
    private ulong _total;

    /// <summary>Adds data to the running hash.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        _total += (ulong)data.Length;
        if (_buffered > 0)
        {
            var take = Math.Min(Sm3.BlockSizeInBytes - _buffered, data.Length);
            data[..take].CopyTo(_buffer.AsSpan(_buffered));
            _buffered += take;
            data = data[take..];
            if (_buffered < Sm3.BlockSizeInBytes)
            {
                return;
            }

            Sm3.Compress(ref _state, _buffer);
            _buffered = 0;
        }

        var whole = data.Length & ~(Sm3.BlockSizeInBytes - 1);
        Sm3.Compress(ref _state, data[..whole]);
        data[whole..].CopyTo(_buffer);
        _buffered = data.Length - whole;
    }

    /// <summary>Writes the digest of everything appended (32 bytes) and resets the hasher.</summary>
    public void Finish(Span<byte> destination)
    {
        Sm3.FinishTail(ref _state, _buffer.AsSpan(0, _buffered), _total, destination);
        Reset();
    }

    /// <summary>Returns the digest of everything appended and resets the hasher.</summary>
    public byte[] Finish()
    {
        var result = new byte[Sm3.HashSizeInBytes];
        Finish(result);
        return result;
    }

    /// <summary>Bytes appended so far.</summary>
    public ulong Length => _total;

    /// <summary>
    /// The running state (V, the byte count and the buffered partial block) as bytes, so that a hash can be continued
    /// later, e.g. after an interrupted upload, without reading the data again: 32 + 8 + 1 + buffered bytes.
    /// </summary>
    public byte[] ExportState()
    {
        var result = new byte[32 + 8 + 1 + _buffered];
        ReadOnlySpan<uint> v = [_state.A, _state.B, _state.C, _state.D, _state.E, _state.F, _state.G, _state.H];
        for (var i = 0; i < 8; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(i * 4), v[i]);
        }

        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(result.AsSpan(32), _total);
        result[40] = (byte)_buffered;
        _buffer.AsSpan(0, _buffered).CopyTo(result.AsSpan(41));
        return result;
    }

    /// <summary>A hasher that continues from <paramref name="state"/> (see <see cref="ExportState"/>); throws on a malformed state.</summary>
    public static Sm3Hasher ImportState(ReadOnlySpan<byte> state)
    {
        if (state.Length < 41 || state[40] >= Sm3.BlockSizeInBytes || state.Length != 41 + state[40])
        {
            throw new ArgumentException("Not an SM3 hasher state", nameof(state));
        }

        var total = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(state[32..]);
        if ((int)(total % Sm3.BlockSizeInBytes) != state[40])
        {
            throw new ArgumentException("Inconsistent SM3 hasher state", nameof(state));
        }

        Span<uint> v = stackalloc uint[8];
        for (var i = 0; i < 8; i++)
        {
            v[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(state[(i * 4)..]);
        }

        var h = new Sm3Hasher
        {
            _state = new Sm3State { A = v[0], B = v[1], C = v[2], D = v[3], E = v[4], F = v[5], G = v[6], H = v[7] },
            _total = total,
            _buffered = state[40],
        };
        state.Slice(41, h._buffered).CopyTo(h._buffer);
        return h;
    }

    /// <summary>Forgets everything appended.</summary>
    public void Reset()
    {
        _state = Sm3State.Initial;
        _buffered = 0;
        _total = 0;
    }
}
