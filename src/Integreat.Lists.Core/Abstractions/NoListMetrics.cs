using Integreat.Lists.Core.Posting;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>Counts nothing: for tools and tests that run the core without a monitoring adapter.</summary>
public sealed class NoListMetrics : IListMetrics
{
    /// <summary>The one instance.</summary>
    public static readonly NoListMetrics Instance = new();

    /// <inheritdoc/>
    public void PostReceived(string list) { }

    /// <inheritdoc/>
    public void PostDecided(string list, Disposition disposition, TimeSpan intake) { }

    /// <inheritdoc/>
    public void RecipientAttempted(string list, string status, TimeSpan sinceHandoff) { }

    /// <inheritdoc/>
    public void BounceRecorded(string list) { }

    /// <inheritdoc/>
    public void SmtpSessionStarted() { }
}
