namespace Integreat.Lists.Core.Archiving;

/// <summary>What search reads of one archived post: its folded words (<see cref="SearchWords"/>), kept apart from
/// <see cref="ArchivedPost"/> so listing pages never load body text.</summary>
public sealed class ArchiveSearchEntry
{
    /// <summary>The post's id (<see cref="ArchivedPost.Id"/>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The list's posting address.</summary>
    public string List { get; set; } = "";

    /// <summary>Every distinct folded word of subject, sender and body (the store indexes them).</summary>
    public List<string> Terms { get; set; } = [];

    /// <summary>The folded words of the subject, space-separated.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The folded words of the sender's name and address, space-separated.</summary>
    public string Sender { get; set; } = "";

    /// <summary>The folded words of the body text, space-separated.</summary>
    public string Body { get; set; } = "";
}
