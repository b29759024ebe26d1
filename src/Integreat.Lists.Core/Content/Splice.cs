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
    public byte[] Apply(ReadOnlyMemory<byte> body, long bodyOffset)
    {
        var edits = _edits.OrderBy(e => e.Begin).ToList();
        var length = body.Length + edits.Sum(e => e.Bytes.Length - (e.End - e.Begin));
        // One allocation at the exact size: the body may be 10 MB, and a growing buffer would leave its halves behind.
        var output = GC.AllocateUninitializedArray<byte>(checked((int)length));
        var source = body.Span;
        int at = 0, written = 0;
        foreach (var (begin, end, bytes) in edits)
        {
            var from = begin - bodyOffset;
            if (from < at || end - bodyOffset > body.Length) throw new InvalidOperationException("content edits overlap or leave the body");
            written += Copy(source[at..(int)from], output, written);
            written += Copy(bytes, output, written);
            at = (int)(end - bodyOffset);
        }
        Copy(source[at..], output, written);
        return output;
    }

    static int Copy(ReadOnlySpan<byte> from, byte[] to, int at)
    {
        from.CopyTo(to.AsSpan(at));
        return from.Length;
    }
}
