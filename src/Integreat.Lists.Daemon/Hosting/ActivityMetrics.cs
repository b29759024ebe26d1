using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Posting;

namespace Integreat.Lists.Daemon.Hosting;

/// <summary>Passes every report on to <paramref name="inner"/> and remembers when the last recipient was sent
/// to, for <c>integreat-lists status</c>.</summary>
/// <remarks>In memory only: after a restart the status shows no last delivery until the next one.</remarks>
public sealed class ActivityMetrics(IListMetrics inner, TimeProvider time) : IListMetrics
{
    long _lastSentTicks;

    /// <summary>When a recipient last got a 2xx in this process; null before the first.</summary>
    public DateTime? LastSentUtc
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastSentTicks);
            return ticks == 0 ? null : new DateTime(ticks, DateTimeKind.Utc);
        }
    }

    /// <inheritdoc/>
    public void PostReceived(string list) => inner.PostReceived(list);

    /// <inheritdoc/>
    public void PostDecided(string list, Disposition disposition, TimeSpan intake) => inner.PostDecided(list, disposition, intake);

    /// <inheritdoc/>
    public void RecipientAttempted(string list, string status, TimeSpan sinceHandoff)
    {
        if (status == "sent") Interlocked.Exchange(ref _lastSentTicks, time.GetUtcNow().UtcDateTime.Ticks);
        inner.RecipientAttempted(list, status, sinceHandoff);
    }

    /// <inheritdoc/>
    public void BounceRecorded(string list) => inner.BounceRecorded(list);

    /// <inheritdoc/>
    public void SmtpSessionStarted() => inner.SmtpSessionStarted();
}
