using System.Collections.Concurrent;

namespace Integreat.Lists.Smtp;

/// <summary>Shared state of the SMTP intake: whether it drains for shutdown, and how many sessions are open.</summary>
public sealed class IntakeState
{
    readonly ConcurrentDictionary<Guid, byte> _sessions = new();

    /// <summary>True once shutdown began: new connections and new transactions get 421.</summary>
    public bool Draining { get; set; }

    /// <summary>Sessions currently open.</summary>
    public int Sessions => _sessions.Count;

    /// <summary>Counts a session in.</summary>
    public void SessionStarted(Guid sessionId) => _sessions.TryAdd(sessionId, 0);

    /// <summary>Counts a session out; keyed by id, because SmtpServer raises a fault without a start for
    /// failed accepts, and both a fault and a completion for some sessions (LIBRARIES.md §1.7).</summary>
    public void SessionEnded(Guid sessionId) => _sessions.TryRemove(sessionId, out _);
}
