using Integreat.Lists.Core.Delivering;

namespace Integreat.Lists.Delivery;

/// <summary>The state of delivering one transaction's recipients of one domain across MX hosts: the final results
/// so far, who is still pending, and each pending recipient's last temporary reply.</summary>
internal sealed class MxAttempt(List<string> recipients)
{
    readonly Dictionary<string, RecipientResult> _lastTemporary = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>2xx and 5xx results, each final.</summary>
    public List<RecipientResult> Final { get; } = [];

    /// <summary>The recipients no host has given a final answer for yet.</summary>
    public List<string> Pending { get; private set; } = recipients;

    /// <summary>Why the last host or address did not take the mail.</summary>
    public string LastError { get; set; } = "";

    /// <summary>Takes one host's results: 2xx and 5xx are final, 4xx stay pending for the next host.</summary>
    public void Take(IReadOnlyList<RecipientResult> results, string host)
    {
        var pending = new List<string>();
        foreach (var result in results)
        {
            var named = result with { Reply = $"{result.Reply} (from {host})" };
            if (result.Delivered || result.Permanent) Final.Add(named);
            else
            {
                _lastTemporary[result.Recipient] = named;
                pending.Add(result.Recipient);
                LastError = named.Reply;
            }
        }
        Pending = pending;
    }

    /// <summary>Ends the attempt: pending recipients get their last temporary reply, or <paramref name="code"/>
    /// with <paramref name="reply"/> when no host answered for them.</summary>
    public List<RecipientResult> Finish(int code, string reply)
    {
        Final.AddRange(Pending.Select(r => _lastTemporary.TryGetValue(r, out var last) && code < 500 ? last : new RecipientResult(r, code, reply)));
        Pending = [];
        return Final;
    }
}
