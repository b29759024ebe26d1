using System.Buffers;

namespace Integreat.Lists.Core.Messages;

/// <summary>Joins byte ranges into one <see cref="ReadOnlySequence{T}"/> without copying them, so that a message edited
/// in a few places (a footer appended, a part replaced) is copied once, when its final bytes are written.</summary>
public static class ByteSequence
{
    /// <summary>The ranges in order, empty ones left out; an empty sequence for none.</summary>
    public static ReadOnlySequence<byte> Join(IEnumerable<ReadOnlyMemory<byte>> parts)
    {
        Segment? first = null, last = null;
        foreach (var memory in parts)
        {
            if (memory.Length == 0) continue;
            last = last is null ? first = new Segment(memory, 0) : last.Add(memory);
        }
        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    /// <summary>The ranges of <paramref name="head"/>, then <paramref name="tail"/>.</summary>
    public static ReadOnlySequence<byte> Append(ReadOnlySequence<byte> head, ReadOnlyMemory<byte> tail)
    {
        var parts = new List<ReadOnlyMemory<byte>>();
        foreach (var memory in head) parts.Add(memory);
        parts.Add(tail);
        return Join(parts);
    }

    sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Add(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
