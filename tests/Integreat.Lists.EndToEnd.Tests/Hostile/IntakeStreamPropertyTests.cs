using System.Buffers;
using CsCheck;
using Integreat.Lists.Smtp;

namespace Integreat.Lists.EndToEnd.Tests.Hostile;

/// <summary>Properties of the intake's byte handling over generated input rich in CR, LF and dots.</summary>
public sealed class IntakeStreamPropertyTests
{
    static readonly Gen<byte[]> Bytes = Gen.OneOf((byte)'\r', (byte)'\n', (byte)'.', (byte)'x').Array[0, 300];

    [Fact]
    public void TheGuardStreamKeepsEveryByteAndNeverEndsAReadInsideATerminator()
    {
        Gen.Select(Bytes, Gen.Int[1, 9].Array[1, 40], Gen.Int[5, 64]).Sample((data, chunks, bufferSize) =>
        {
            var guard = new DotTerminatorGuardStream(new ChunkedStream(data, chunks));
            var seen = new List<byte>();
            var boundaries = new List<int>();
            var buffer = new byte[bufferSize];
            int read;
            while ((read = guard.ReadAsync(buffer).AsTask().GetAwaiter().GetResult()) > 0)
            {
                seen.AddRange(buffer[..read]);
                boundaries.Add(seen.Count);
            }
            Assert.Equal(data, seen.ToArray());
            // A terminator may be split only once, right after its CRLF, so the read holding the rest holds all of it.
            var text = System.Text.Encoding.Latin1.GetString(data);
            for (var at = text.IndexOf("\r\n.\r\n", StringComparison.Ordinal); at >= 0; at = text.IndexOf("\r\n.\r\n", at + 1, StringComparison.Ordinal))
            {
                var inside = boundaries.Where(b => b > at && b < at + 5).ToList();
                Assert.True(inside.Count == 0 || inside.SequenceEqual([at + 2]), $"{Show(data)} split at {string.Join(",", boundaries)}");
            }
        }, iter: 2000);
    }

    [Fact]
    public void NormalisedLineEndingsAreCrLfOnlyAndCleanDataIsLeftAlone()
    {
        Bytes.Sample(data =>
        {
            var normalised = LineEndings.ToCrLf(new ReadOnlySequence<byte>(data));
            Assert.True(LineEndings.IsCrLfOnly(normalised), Show(normalised.ToArray()));
            Assert.Equal(normalised.ToArray(), LineEndings.ToCrLf(normalised).ToArray());
            var text = System.Text.Encoding.Latin1.GetString(data);
            // Same lines: every kind of line break became one CRLF.
            Assert.Equal(text.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\n", "\r\n"), System.Text.Encoding.Latin1.GetString(normalised.ToArray()));
        }, iter: 2000);
    }

    static string Show(IEnumerable<byte> bytes) => string.Concat(bytes.Select(b => b switch { (byte)'\r' => "\\r", (byte)'\n' => "\\n", _ => ((char)b).ToString() }));

    /// <summary>Returns <paramref name="data"/> in reads of the given sizes, in turn.</summary>
    sealed class ChunkedStream(byte[] data, int[] chunks) : ReadOnlyStream
    {
        int _position, _next;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var count = Math.Min(Math.Min(chunks[_next++ % chunks.Length], buffer.Length), data.Length - _position);
            data.AsMemory(_position, count).CopyTo(buffer);
            _position += count;
            return ValueTask.FromResult(count);
        }
    }
}
