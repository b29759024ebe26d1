namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Rule <c>max-size</c>: the raw post is larger than <see cref="Model.PostingSettings.MaxMessageSizeKiB"/>
/// (Mailman's <c>rules/max_size.py</c>).</summary>
public sealed class MaxSizeRule : IPostingRule
{
    /// <inheritdoc/>
    public string Name => "max-size";

    /// <inheritdoc/>
    public string Description => "The post is larger than the list allows.";

    /// <inheritdoc/>
    public bool Check(PostingContext post)
    {
        var maxKiB = post.List.Posting.MaxMessageSizeKiB;
        if (maxKiB <= 0 || post.SizeBytes <= maxKiB * 1024L) return false;
        // In MB as mail programs show sizes, and why a 4 MB file makes a 5.5 MB post (base64, RFC 2045 §6.8).
        var size = Megabytes(post.SizeBytes);
        var limit = Megabytes(maxKiB * 1024L);
        post.Reasons.Add($"Die Nachricht ist mit etwa {size.De} MB größer als erlaubt (höchstens {limit.De} MB; Anhänge werden " +
                         $"beim Versand etwa ein Drittel größer als die Datei). / The post is about {size.En} MB, more than the " +
                         $"{limit.En} MB allowed (attachments grow by about a third when sent).");
        return true;
    }

    /// <summary>MiB with one decimal, rounded up, so a post just over the limit never reads as equal to it.</summary>
    static (string De, string En) Megabytes(long bytes)
    {
        var mb = Math.Ceiling(bytes / 1048576.0 * 10) / 10;
        return (mb.ToString("0.#", German), mb.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
    }

    static readonly System.Globalization.CultureInfo German = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
}
