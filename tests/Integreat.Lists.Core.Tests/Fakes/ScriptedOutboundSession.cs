using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Delivering;

namespace Integreat.Lists.Core.Tests.Fakes;

/// <summary>An <see cref="IOutboundSession"/> that answers from a script and records every transaction.</summary>
/// <remarks>Each recipient gets the reply scripted for it with <see cref="Reply"/>, else <c>250 2.0.0 Ok</c>.
/// <see cref="FailTransaction"/> makes the n-th transaction (1-based) throw <see cref="TransportException"/>,
/// <see cref="UnusableAfter"/> makes the session report itself unusable after n transactions.</remarks>
public sealed class ScriptedOutboundSession : IOutboundSession
{
    readonly Dictionary<string, (int Code, string Reply)> _script = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The transactions sent, in order.</summary>
    public List<Transaction> Transactions { get; } = [];

    /// <summary>The 1-based number of a transaction that throws, or 0 for none.</summary>
    public int FailTransaction { get; set; }

    /// <summary>After this many transactions <see cref="IsUsable"/> turns false; null for never.</summary>
    public int? UnusableAfter { get; set; }

    public bool Disposed { get; private set; }

    public bool IsUsable => !Disposed && (UnusableAfter is not { } n || Transactions.Count < n);

    /// <summary>Scripts the reply for one recipient.</summary>
    public ScriptedOutboundSession Reply(string recipient, int code, string reply)
    {
        _script[recipient] = (code, reply);
        return this;
    }

    public Task<IReadOnlyList<RecipientResult>> SendAsync(byte[] message, string sender, IReadOnlyList<string> recipients,
        CancellationToken cancellationToken)
    {
        if (Disposed) throw new ObjectDisposedException(nameof(ScriptedOutboundSession));
        Transactions.Add(new Transaction(message.ToArray(), sender, recipients.ToList()));
        if (Transactions.Count == FailTransaction) throw new TransportException("connection reset by peer");
        IReadOnlyList<RecipientResult> results = recipients
            .Select(r => _script.TryGetValue(r, out var s) ? new RecipientResult(r, s.Code, s.Reply) : new RecipientResult(r, 250, "2.0.0 Ok"))
            .ToList();
        return Task.FromResult(results);
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    /// <summary>One recorded SMTP transaction.</summary>
    public sealed record Transaction(byte[] Message, string Sender, IReadOnlyList<string> Recipients);
}
