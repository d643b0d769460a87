using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Sanxiang.Tlog.Crypto;
using Sanxiang.Tlog.Note;

namespace Sanxiang.Tlog.Tests.Note;

public sealed class SignedNoteTests
{
    // The example of Go's golang.org/x/mod/sumdb/note and of C2SP signed-note.
    private const string PeterNeumannKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string PeterNeumannText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string PeterNeumannNote = PeterNeumannText + "\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    [Fact]
    public void GoExampleVerifierKey_ParsesToItsKeyId_AndTheKeyIdRecomputes()
    {
        var verifier = NoteKeys.ParseVerifier(PeterNeumannKey).ShouldBeOfType<Ed25519NoteVerifier>();
        verifier.Name.ShouldBe("PeterNeumann");
        verifier.KeyId.ShouldBe(0xc74f20a3u);
        var typedKey = Convert.FromBase64String("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        NoteKeys.ComputeKeyId("PeterNeumann", typedKey).ShouldBe(0xc74f20a3u);
        SHA256.HashData([.. "PeterNeumann\n"u8, .. typedKey])[..4].ShouldBe(Convert.FromHexString("c74f20a3"));
        verifier.VerifierKey.ShouldBe(PeterNeumannKey);
    }

    [Fact]
    public void GoExampleNote_VerifiesWithItsKey()
    {
        var note = SignedNote.Open(PeterNeumannNote, [NoteKeys.ParseVerifier(PeterNeumannKey)]);
        note.Text.ShouldBe(PeterNeumannText);
        note.Signatures.ShouldHaveSingleItem().Name.ShouldBe("PeterNeumann");
        note.UnverifiedSignatures.ShouldBeEmpty();
        note.Signatures[0].ToString().ShouldBe(PeterNeumannNote[(PeterNeumannText.Length + 1)..^1]);
    }

    [Fact]
    public void GoExampleSignerKey_ReproducesTheExampleSignature()
    {
        // The matching signer key from Go's note documentation; Ed25519 is deterministic.
        var signer = NoteKeys.ParseSigner("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");
        signer.KeyId.ShouldBe(0xc74f20a3u);
        SignedNote.Sign(PeterNeumannText, signer).ShouldBe(PeterNeumannNote);
        ((Ed25519NoteSigner)signer).SignerKey.ShouldBe("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");
    }

    [Fact]
    public void SeveralSigners_Ed25519AndSm2_StandardVerifiersSkipTheSm2Line()
    {
        var ed = Ed25519NoteSigner.Generate("example.com/log");
        var sm2 = Sm2NoteSigner.Generate("example.com/log");
        var signed = SignedNote.Sign("hello\n\nworld\n", ed, sm2);
        signed.ShouldStartWith("hello\n\nworld\n\n— example.com/log ");

        var edOnly = SignedNote.Open(signed, [NoteKeys.ParseVerifier(ed.Verifier.VerifierKey)]);
        edOnly.Text.ShouldBe("hello\n\nworld\n");
        edOnly.Signatures.ShouldHaveSingleItem().KeyId.ShouldBe(ed.KeyId);
        edOnly.UnverifiedSignatures.ShouldHaveSingleItem().KeyId.ShouldBe(sm2.KeyId);

        var both = SignedNote.Open(signed, [ed.Verifier, NoteKeys.ParseVerifier(sm2.Verifier.VerifierKey)]);
        both.Signatures.Count.ShouldBe(2);
        SignedNote.Open(signed, [sm2.Verifier]).Signatures.ShouldHaveSingleItem().Signature.Length.ShouldBe(Sm2.SignatureSize);
    }

    [Fact]
    public void Sm2KeyId_UsesTheSanxiangSm2TypePrefix_AndKeysRoundTrip()
    {
        var signer = Sm2NoteSigner.Generate("sanxiang.example/log");
        var publicKey = Convert.FromBase64String(signer.Verifier.VerifierKey.Split('+', 3)[2]);
        publicKey[..13].ShouldBe([0xff, .. "sanxiang/sm2"u8]);
        publicKey.Length.ShouldBe(13 + 65);
        var expected = SHA256.HashData([.. "sanxiang.example/log\n"u8, 0xff, .. "sanxiang/sm2"u8, .. publicKey[13..]])[..4];
        signer.KeyId.ShouldBe(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(expected));
        NoteKeys.ParseSigner(signer.SignerKey).KeyId.ShouldBe(signer.KeyId);
        NoteKeys.ParseVerifier(signer.Verifier.VerifierKey).ShouldBeOfType<Sm2NoteVerifier>().KeyId.ShouldBe(signer.KeyId);
    }

    [Fact]
    public void Open_RejectsInvalidSignatureFromKnownKey_AndNotesWithoutKnownSignature()
    {
        var known = NoteKeys.ParseVerifier(PeterNeumannKey);
        var tampered = PeterNeumannNote.Replace("cryptography", "Cryptography", StringComparison.Ordinal);
        Should.Throw<NoteException>(() => SignedNote.Open(tampered, [known])).Error.ShouldBe(NoteError.InvalidSignature);

        var other = Ed25519NoteSigner.Generate("PeterNeumann");
        Should.Throw<NoteException>(() => SignedNote.Open(PeterNeumannNote, [other.Verifier])).Error.ShouldBe(NoteError.Unverified);
        Should.Throw<NoteException>(() => SignedNote.Open(PeterNeumannNote, [])).Error.ShouldBe(NoteError.Unverified);
    }

    [Fact]
    public void Sign_KeepsExistingSignatures_WhenAddingOne()
    {
        var log = Ed25519NoteSigner.Generate("log");
        var second = Ed25519NoteSigner.Generate("second");
        var note = SignedNote.Open(SignedNote.Sign("text\n", log), [log.Verifier]);
        var both = SignedNote.Sign(note, second);
        SignedNote.Open(both, [log.Verifier, second.Verifier]).Signatures.Select(s => s.Name).ShouldBe(["log", "second"]);
        Should.Throw<NoteException>(() => SignedNote.Sign("no newline", log)).Error.ShouldBe(NoteError.Malformed);
        Should.Throw<NoteException>(() => SignedNote.Sign("", log));
        Should.Throw<NoteException>(() => SignedNote.Sign("tab\there\n", log));
    }

    [Theory]
    [InlineData("text\n— PeterNeumann x08go/ZJk=\n")] // no blank line
    [InlineData("text\n\n— PeterNeumann x08go/ZJk=")] // no final newline
    [InlineData("text\n\n- PeterNeumann x08go/ZJk=\n")] // hyphen, not em dash
    [InlineData("text\n\n—PeterNeumann x08go/ZJk=\n")] // no space after the dash
    [InlineData("text\n\n— PeterNeumann x08go/ZJk\n")] // bad base64
    [InlineData("text\n\n— PeterNeumann x08g\n")] // fewer than 5 bytes
    [InlineData("text\n\n— Peter+Neumann x08go/ZJk=\n")] // '+' in the name
    [InlineData("text\n\n— PeterNeumann \n")] // empty signature
    [InlineData("te\rxt\n\n— PeterNeumann x08go/ZJk=\n")] // control character
    [InlineData("text\n\n— PeterNeumann x08go/ZJk=\n\n")] // blank line after the signatures
    [InlineData("text\n\nx\n")] // a short line
    [InlineData("text\n\n—\n")]
    [InlineData("text\n\n— PeterNeumann\n")] // no signature
    [InlineData("\n— PeterNeumann x08go/ZJk=\n")] // empty text
    public void Open_RejectsMalformedNotes(string message)
    {
        Should.Throw<NoteException>(() => SignedNote.Open(message, [NoteKeys.ParseVerifier(PeterNeumannKey)]))
            .Error.ShouldBe(NoteError.Malformed);
    }

    [Fact]
    public void Open_RejectsInvalidUtf8_AndMoreThan100Signatures()
    {
        byte[] invalid = [.. "te"u8, 0xff, .. "xt\n\n— PeterNeumann x08go/ZJk=\n"u8];
        Should.Throw<NoteException>(() => SignedNote.Open(invalid, [])).Error.ShouldBe(NoteError.Malformed);

        var signer = Ed25519NoteSigner.Generate("log");
        var line = SignedNote.Sign("text\n", signer)["text\n\n".Length..];
        var many = "text\n\n" + string.Concat(Enumerable.Repeat(line, 101));
        Should.Throw<NoteException>(() => SignedNote.Open(many, [signer.Verifier])).Error.ShouldBe(NoteError.Malformed);
        SignedNote.Open("text\n\n" + string.Concat(Enumerable.Repeat(line, 100)), [signer.Verifier]).Signatures.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")] // wrong key ID
    [InlineData("PeterNeumann+c74f20a3+Ahpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")] // unknown type 0x02
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10")] // short key
    [InlineData("PeterNeumann+c74f20a3")]
    [InlineData("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+c74f20+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    public void ParseVerifier_RejectsBadKeys(string key)
    {
        Should.Throw<FormatException>(() => NoteKeys.ParseVerifier(key));
    }

    [Fact]
    public void GeneratedEd25519Keys_RoundTripThroughTheirStrings()
    {
        var signer = Ed25519NoteSigner.Generate("example.com/log");
        signer.SignerKey.ShouldStartWith($"PRIVATE+KEY+example.com/log+{signer.KeyId:x8}+");
        var parsed = NoteKeys.ParseSigner(signer.SignerKey);
        var signed = SignedNote.Sign("a\n", parsed);
        SignedNote.Open(Encoding.UTF8.GetBytes(signed), [NoteKeys.ParseVerifier(signer.Verifier.VerifierKey)]).Text.ShouldBe("a\n");
        Should.Throw<FormatException>(() => NoteKeys.ParseSigner(signer.Verifier.VerifierKey));
    }

    [Fact]
    public void Open_OnArbitraryInput_ThrowsOnlyNoteException()
    {
        var verifier = NoteKeys.ParseVerifier(PeterNeumannKey);
        var pieces = new[] { "\n", "\n\n", "— ", "—", " ", "PeterNeumann", "x08go/ZJk=", "+", "é", "\r", "text" };
        var generator = Gen.Elements(pieces).ListOf().Select(list => string.Concat(list));
        Prop.ForAll(Arb.From(generator), message =>
        {
            try
            {
                SignedNote.Open(message, [verifier]);
            }
            catch (NoteException)
            {
            }
        }).QuickCheckThrowOnFailure();
        Prop.ForAll<byte[]>(bytes =>
        {
            try
            {
                SignedNote.Open(bytes, [verifier]);
            }
            catch (NoteException)
            {
            }
        }).QuickCheckThrowOnFailure();
    }
}
