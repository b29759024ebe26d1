using System.Buffers;
using Integreat.Lists.Core.Messages;

namespace Integreat.Lists.Core.Content;

/// <summary>Replacements of byte ranges of a message; every byte outside them is copied unchanged.</summary>
internal sealed class Splice
{
    readonly List<(long Begin, long End, byte[] Bytes)> _edits = [];

    /// <summary>True when no range is replaced.</summary>
    public bool IsEmpty => _edits.Count == 0;

    /// <summary>Replaces the bytes [<paramref name="begin"/>, <paramref name="end"/>) of the message.</summary>
    public void Replace(long begin, long end, byte[] bytes) => _edits.Add((begin, end, bytes));

    /// <summary>True when [<paramref name="begin"/>, <paramref name="end"/>) overlaps a replaced range.</summary>
    public bool Touches(long begin, long end) => _edits.Any(e => e.Begin < end && begin < e.End);

    /// <summary>Applies the replacements to <paramref name="body"/>, which starts at <paramref name="bodyOffset"/>
    /// of the message the ranges refer to.</summary>
    /// <exception cref="InvalidOperationException">Two ranges overlap or one lies outside the body (a bug).</exception>
    public ReadOnlySequence<byte> Apply(ReadOnlySequence<byte> body, long bodyOffset)
    {
        // Slices of the body between the replacements: nothing is copied until the message's final bytes are written.
        var parts = new List<ReadOnlyMemory<byte>>();
        var at = 0L;
        foreach (var (begin, end, bytes) in _edits.OrderBy(e => e.Begin))
        {
            var from = begin - bodyOffset;
            if (from < at || end - bodyOffset > body.Length) throw new InvalidOperationException("content edits overlap or leave the body");
            foreach (var memory in body.Slice(at, from - at)) parts.Add(memory);
            parts.Add(bytes);
            at = end - bodyOffset;
        }
        foreach (var memory in body.Slice(at)) parts.Add(memory);
        return ByteSequence.Join(parts);
    }
}
