using MimeKit;

namespace Integreat.Lists.Core.Content;

/// <summary>A message parsed with MimeKit together with where each entity's bytes are in the raw message, so an edit
/// can replace exactly one part and copy every other byte as it came (MimeKit's re-serialisation is not byte-exact on
/// odd input, LIBRARIES.md §2.2).</summary>
public sealed class MimeMap
{
    static readonly ParserOptions Options = new() { MaxMimeDepth = 64 };
    readonly Dictionary<MimeEntity, Span> _spans = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<MimeMessage, MessagePart> _wrappers = new(ReferenceEqualityComparer.Instance);

    MimeMap(MimeMessage message) => Message = message;

    /// <summary>Where an entity is: its first header byte, the first byte after its blank line, and the end of its
    /// content (before the line break that belongs to the next boundary, RFC 2046 §5.1.1).</summary>
    /// <param name="Begin">Offset of the first header byte.</param>
    /// <param name="ContentBegin">Offset of the first content byte.</param>
    /// <param name="End">Offset after the last content byte.</param>
    public readonly record struct Span(long Begin, long ContentBegin, long End);

    /// <summary>The parsed message.</summary>
    public MimeMessage Message { get; }

    /// <summary>The message bytes it was parsed from.</summary>
    public byte[] Raw { get; private init; } = [];

    /// <summary>A copy of the bytes [<paramref name="begin"/>, <paramref name="end"/>).</summary>
    public byte[] Original(long begin, long end) => Raw[(int)begin..(int)end];

    /// <summary>Parses <paramref name="raw"/>; null when MimeKit cannot parse it as a message.</summary>
    public static MimeMap? TryParse(byte[] raw)
    {
        // Persistent: the parts read their content from the array instead of copying it (a 10 MB post stays 10 MB);
        // the stream is not disposed because they keep reading it, and it owns nothing but the array.
        var stream = new MemoryStream(raw, writable: false);
        var parser = new MimeParser(Options, stream, MimeFormat.Entity, persistent: true);
        var spans = new List<(MimeEntity, Span)>();
        var wrappers = new List<(MimeMessage, MessagePart)>();
        parser.MimeEntityEnd += (_, e) => spans.Add((e.Entity, new Span(e.BeginOffset, e.HeadersEndOffset, e.EndOffset)));
        parser.MimeMessageEnd += (_, e) => { if (e.Parent is { } wrapper) wrappers.Add((e.Message, wrapper)); };
        MimeMessage message;
        try
        {
            message = parser.ParseMessage();
        }
        catch (FormatException)
        {
            return null;
        }
        var map = new MimeMap(message) { Raw = raw };
        foreach (var (entity, span) in spans) map._spans[entity] = span;
        foreach (var (inner, wrapper) in wrappers) map._wrappers[inner] = wrapper;
        return map;
    }

    /// <summary>The span of <paramref name="entity"/>.</summary>
    /// <exception cref="KeyNotFoundException">The entity is not from this message.</exception>
    public Span this[MimeEntity entity] => _spans[entity];

    /// <summary>The <c>message/rfc822</c> part that holds <paramref name="message"/>, or null for the top level.</summary>
    public MessagePart? WrapperOf(MimeMessage message) => _wrappers.GetValueOrDefault(message);
}
