using MimeKit;

namespace Integreat.Lists.Core.Bounces;

/// <summary>Recognises one family of delivery reports (or of messages that only look like one) by their structure:
/// sender, subject and header markers, MIME layout, the shape of the recipient lines and the status codes in them.</summary>
/// <remarks>Recognisers never decide on the wording of prose alone, because reports are written in many languages
/// and reworded by every release; <see cref="BounceParser"/> runs them in a fixed order and takes the first answer.</remarks>
public interface IBounceRecogniser
{
    /// <summary>A short kebab-case name, reported as <see cref="BounceReport.Recogniser"/> (e.g. <c>qmail</c>).</summary>
    string Name { get; }

    /// <summary>Examines <paramref name="message"/>.</summary>
    /// <param name="message">The message as received on the bounces address.</param>
    /// <returns>The report when the message has this recogniser's structure (which may be
    /// <see cref="BounceKind.NotABounce"/>); null when it does not, so the next recogniser gets a turn.</returns>
    BounceReport? TryRecognise(MimeMessage message);
}
