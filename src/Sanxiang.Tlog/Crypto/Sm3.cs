using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sanxiang.Tlog.Crypto;

/// <summary>
/// SM3 cryptographic hash (GB/T 32905-2016, also GM/T 0004-2012): a managed implementation with the 64 rounds
/// unrolled four at a time (GB/T 32905 §5.3.3), the message expansion of §5.3.2 done once per block on the
/// stack, and no allocation per block.
/// </summary>
public static class Sm3
{
    /// <summary>Digest size in bytes.</summary>
    public const int HashSizeInBytes = 32;

    /// <summary>Block size in bytes.</summary>
    public const int BlockSizeInBytes = 64;

    /// <summary>T_j rotated left by j mod 32 (GB/T 32905 §4.2 and the SS1 step of §5.3.3).</summary>
    private static ReadOnlySpan<uint> RotatedT =>
    [
        0x79cc4519, 0xf3988a32, 0xe7311465, 0xce6228cb, 0x9cc45197, 0x3988a32f, 0x7311465e, 0xe6228cbc,
        0xcc451979, 0x988a32f3, 0x311465e7, 0x6228cbce, 0xc451979c, 0x88a32f39, 0x11465e73, 0x228cbce6,
        0x9d8a7a87, 0x3b14f50f, 0x7629ea1e, 0xec53d43c, 0xd8a7a879, 0xb14f50f3, 0x629ea1e7, 0xc53d43ce,
        0x8a7a879d, 0x14f50f3b, 0x29ea1e76, 0x53d43cec, 0xa7a879d8, 0x4f50f3b1, 0x9ea1e762, 0x3d43cec5,
        0x7a879d8a, 0xf50f3b14, 0xea1e7629, 0xd43cec53, 0xa879d8a7, 0x50f3b14f, 0xa1e7629e, 0x43cec53d,
        0x879d8a7a, 0x0f3b14f5, 0x1e7629ea, 0x3cec53d4, 0x79d8a7a8, 0xf3b14f50, 0xe7629ea1, 0xcec53d43,
        0x9d8a7a87, 0x3b14f50f, 0x7629ea1e, 0xec53d43c, 0xd8a7a879, 0xb14f50f3, 0x629ea1e7, 0xc53d43ce,
        0x8a7a879d, 0x14f50f3b, 0x29ea1e76, 0x53d43cec, 0xa7a879d8, 0x4f50f3b1, 0x9ea1e762, 0x3d43cec5,
    ];

    /// <summary>Writes SM3(data) into destination (at least 32 bytes).</summary>
    public static void HashData(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var state = Sm3State.Initial;
        var whole = data.Length & ~(BlockSizeInBytes - 1);
        Compress(ref state, data[..whole]);
        FinishTail(ref state, data[whole..], (ulong)data.Length, destination);
    }

    /// <summary>Pads the last partial block (§5.2: 1 bit, zeros, 64-bit bit length) and writes V big-endian.</summary>
    [SkipLocalsInit]
    internal static void FinishTail(ref Sm3State state, ReadOnlySpan<byte> tail, ulong totalBytes, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, HashSizeInBytes, nameof(destination));
        Span<byte> last = stackalloc byte[2 * BlockSizeInBytes];
        last.Clear();
        tail.CopyTo(last);
        last[tail.Length] = 0x80;
        var length = tail.Length < BlockSizeInBytes - 8 ? BlockSizeInBytes : 2 * BlockSizeInBytes;
        BinaryPrimitives.WriteUInt64BigEndian(last[(length - 8)..], totalBytes * 8);
        Compress(ref state, last[..length]);
        BinaryPrimitives.WriteUInt32BigEndian(destination, state.A);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], state.B);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], state.C);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], state.D);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], state.E);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], state.F);
        BinaryPrimitives.WriteUInt32BigEndian(destination[24..], state.G);
        BinaryPrimitives.WriteUInt32BigEndian(destination[28..], state.H);
    }

    /// <summary>Returns SM3(data).</summary>
    public static byte[] HashData(ReadOnlySpan<byte> data)
    {
        var result = new byte[HashSizeInBytes];
        HashData(data, result);
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint P0(uint x) => x ^ BitOperations.RotateLeft(x, 9) ^ BitOperations.RotateLeft(x, 17);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint P1(uint x) => x ^ BitOperations.RotateLeft(x, 15) ^ BitOperations.RotateLeft(x, 23);

    /// <summary>Compresses whole 64-byte blocks into the state (GB/T 32905 §5.3).</summary>
    [SkipLocalsInit]
    internal static unsafe void Compress(ref Sm3State state, ReadOnlySpan<byte> blocks)
    {
        var w = stackalloc uint[68];
        fixed (uint* t = RotatedT)
        fixed (byte* input = blocks)
        {
            for (byte* block = input, end = input + (blocks.Length & ~(BlockSizeInBytes - 1)); block < end; block += BlockSizeInBytes)
            {
                CompressBlock(ref state, block, w, t);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void CompressBlock(ref Sm3State state, byte* block, uint* w, uint* t)
    {
        // Message expansion (§5.3.2): W0..W67; W'j = Wj ^ Wj+4 is formed inside the rounds.
        for (var i = 0; i < 16; i++)
        {
            w[i] = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(block + (4 * i)));
        }

        for (uint* x = w + 16; x < w + 68; x += 4)
        {
            x[0] = P1(x[-16] ^ x[-9] ^ BitOperations.RotateLeft(x[-3], 15)) ^ BitOperations.RotateLeft(x[-13], 7) ^ x[-6];
            x[1] = P1(x[-15] ^ x[-8] ^ BitOperations.RotateLeft(x[-2], 15)) ^ BitOperations.RotateLeft(x[-12], 7) ^ x[-5];
            x[2] = P1(x[-14] ^ x[-7] ^ BitOperations.RotateLeft(x[-1], 15)) ^ BitOperations.RotateLeft(x[-11], 7) ^ x[-4];
            x[3] = P1(x[-13] ^ x[-6] ^ BitOperations.RotateLeft(x[0], 15)) ^ BitOperations.RotateLeft(x[-10], 7) ^ x[-3];
        }

        uint a = state.A, b = state.B, c = state.C, d = state.D, e = state.E, f = state.F, g = state.G, h = state.H;
        uint ss1, tt2, a12;
        for (uint* wp = w, tp = t; wp < w + 16; wp += 4, tp += 4)
        {
            // Four rounds with the registers renamed instead of moved: A→D→C→B, E→H→G→F (§5.3.3).
            a12 = BitOperations.RotateLeft(a, 12); ss1 = BitOperations.RotateLeft(a12 + e + tp[0], 7);
            tt2 = (e ^ f ^ g) + h + ss1 + wp[0];
            d = (a ^ b ^ c) + d + (ss1 ^ a12) + (wp[0] ^ wp[4]);
            b = BitOperations.RotateLeft(b, 9); f = BitOperations.RotateLeft(f, 19); h = P0(tt2);

            a12 = BitOperations.RotateLeft(d, 12); ss1 = BitOperations.RotateLeft(a12 + h + tp[1], 7);
            tt2 = (h ^ e ^ f) + g + ss1 + wp[1];
            c = (d ^ a ^ b) + c + (ss1 ^ a12) + (wp[1] ^ wp[5]);
            a = BitOperations.RotateLeft(a, 9); e = BitOperations.RotateLeft(e, 19); g = P0(tt2);

            a12 = BitOperations.RotateLeft(c, 12); ss1 = BitOperations.RotateLeft(a12 + g + tp[2], 7);
            tt2 = (g ^ h ^ e) + f + ss1 + wp[2];
            b = (c ^ d ^ a) + b + (ss1 ^ a12) + (wp[2] ^ wp[6]);
            d = BitOperations.RotateLeft(d, 9); h = BitOperations.RotateLeft(h, 19); f = P0(tt2);

            a12 = BitOperations.RotateLeft(b, 12); ss1 = BitOperations.RotateLeft(a12 + f + tp[3], 7);
            tt2 = (f ^ g ^ h) + e + ss1 + wp[3];
            a = (b ^ c ^ d) + a + (ss1 ^ a12) + (wp[3] ^ wp[7]);
            c = BitOperations.RotateLeft(c, 9); g = BitOperations.RotateLeft(g, 19); e = P0(tt2);
        }

        for (uint* wp = w + 16, tp = t + 16; wp < w + 64; wp += 4, tp += 4)
        {
            // FF_j = majority, GG_j = choose for 16 ≤ j ≤ 63 (§4.3).
            a12 = BitOperations.RotateLeft(a, 12); ss1 = BitOperations.RotateLeft(a12 + e + tp[0], 7);
            tt2 = (((f ^ g) & e) ^ g) + h + ss1 + wp[0];
            d = ((a & b) | (c & (a | b))) + d + (ss1 ^ a12) + (wp[0] ^ wp[4]);
            b = BitOperations.RotateLeft(b, 9); f = BitOperations.RotateLeft(f, 19); h = P0(tt2);

            a12 = BitOperations.RotateLeft(d, 12); ss1 = BitOperations.RotateLeft(a12 + h + tp[1], 7);
            tt2 = (((e ^ f) & h) ^ f) + g + ss1 + wp[1];
            c = ((d & a) | (b & (d | a))) + c + (ss1 ^ a12) + (wp[1] ^ wp[5]);
            a = BitOperations.RotateLeft(a, 9); e = BitOperations.RotateLeft(e, 19); g = P0(tt2);

            a12 = BitOperations.RotateLeft(c, 12); ss1 = BitOperations.RotateLeft(a12 + g + tp[2], 7);
            tt2 = (((h ^ e) & g) ^ e) + f + ss1 + wp[2];
            b = ((c & d) | (a & (c | d))) + b + (ss1 ^ a12) + (wp[2] ^ wp[6]);
            d = BitOperations.RotateLeft(d, 9); h = BitOperations.RotateLeft(h, 19); f = P0(tt2);

            a12 = BitOperations.RotateLeft(b, 12); ss1 = BitOperations.RotateLeft(a12 + f + tp[3], 7);
            tt2 = (((g ^ h) & f) ^ h) + e + ss1 + wp[3];
            a = ((b & c) | (d & (b | c))) + a + (ss1 ^ a12) + (wp[3] ^ wp[7]);
            c = BitOperations.RotateLeft(c, 9); g = BitOperations.RotateLeft(g, 19); e = P0(tt2);
        }

        state.A ^= a; state.B ^= b; state.C ^= c; state.D ^= d;
        state.E ^= e; state.F ^= f; state.G ^= g; state.H ^= h;
    }
}

/// <summary>The eight 32-bit chaining words V = ABCDEFGH of GB/T 32905 §5.3.</summary>
[StructLayout(LayoutKind.Auto)]
internal struct Sm3State
{
    public uint A, B, C, D, E, F, G, H;

    /// <summary>The initial value IV of GB/T 32905 §4.1.</summary>
    public static Sm3State Initial => new()
    {
        A = 0x7380166f,
        B = 0x4914b2b9,
        C = 0x172442d7,
        D = 0xda8a0600,
        E = 0xa96f30bc,
        F = 0x163138aa,
        G = 0xe38dee4d,
        H = 0xb0fb0e4e,
    };
}
