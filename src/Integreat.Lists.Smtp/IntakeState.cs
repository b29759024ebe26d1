namespace Integreat.Lists.Smtp;

/// <summary>Shared state of the SMTP intake: whether it drains for shutdown, and how many sessions are open.</summary>
public sealed class IntakeState
{
    int _sessions;

    /// <summary>True once shutdown began: new connections and new transactions get 421.</summary>
    public bool Draining { get; set; }

    /// <summary>Sessions currently open.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>Counts a session in.</summary>
    public void SessionStarted() => Interlocked.Increment(ref _sessions);

    /// <summary>Counts a session out.</summary>
    public void SessionEnded() => Interlocked.Decrement(ref _sessions);
}
