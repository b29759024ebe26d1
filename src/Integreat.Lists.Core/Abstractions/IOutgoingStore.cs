namespace Integreat.Lists.Core.Abstractions;

/// <summary>Holds the bytes of each message being delivered (a post after header cooking, or a notice),
/// written once and read by every delivery attempt. Keyed by post id.</summary>
public interface IOutgoingStore
{
    /// <summary>Writes (or overwrites) the message durably (fsync) before returning.</summary>
    void Write(string postId, byte[] message);

    /// <summary>Reads the message bytes.</summary>
    /// <exception cref="FileNotFoundException">The message is not there.</exception>
    byte[] Read(string postId);

    /// <summary>Removes the message once no delivery job needs it.</summary>
    void Delete(string postId);
}
