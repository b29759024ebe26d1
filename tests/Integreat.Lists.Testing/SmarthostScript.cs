using SmtpServer.Protocol;

namespace Integreat.Lists.Testing;

/// <summary>The scripted failures of a <see cref="FakeSmarthost"/>; thread-safe because sessions run concurrently.</summary>
internal sealed class SmarthostScript
{
    readonly Lock _gate = new();
    readonly Dictionary<string, Queue<SmtpResponse>> _once = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, SmtpResponse> _always = new(StringComparer.OrdinalIgnoreCase);
    readonly Queue<SmtpResponse> _data = new();
    int _disconnects;

    public void Queue(string recipient, IEnumerable<string> replies)
    {
        var parsed = replies.Select(Parse).ToList();
        lock (_gate)
        {
            if (!_once.TryGetValue(recipient, out var queue)) _once[recipient] = queue = new();
            foreach (var reply in parsed) queue.Enqueue(reply);
        }
    }

    public void Always(string recipient, string reply)
    {
        var parsed = Parse(reply);
        lock (_gate) _always[recipient] = parsed;
    }

    public void FailData(string reply)
    {
        var parsed = Parse(reply);
        lock (_gate) _data.Enqueue(parsed);
    }

    public void Disconnect(int times)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        lock (_gate) _disconnects += times;
    }

    /// <summary>The reply for this RCPT, or null to accept it.</summary>
    public SmtpResponse? NextRcpt(string recipient)
    {
        lock (_gate)
        {
            if (_always.TryGetValue(recipient, out var always)) return always;
            return _once.TryGetValue(recipient, out var queue) && queue.TryDequeue(out var next) ? next : null;
        }
    }

    /// <summary>True when this MAIL should get 421 and lose its connection.</summary>
    public bool NextMailDisconnects()
    {
        lock (_gate)
        {
            if (_disconnects == 0) return false;
            _disconnects--;
            return true;
        }
    }

    /// <summary>The reply for this DATA, or null for the normal 250.</summary>
    public SmtpResponse? NextData()
    {
        lock (_gate) return _data.TryDequeue(out var next) ? next : null;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _once.Clear();
            _always.Clear();
            _data.Clear();
            _disconnects = 0;
        }
    }

    /// <summary>Splits "451 4.7.1 try later" into code and text; fails fast so a typo in a test
    /// shows at the <c>Script</c> call, not as a puzzling reply later.</summary>
    internal static SmtpResponse Parse(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Length < 3 || !int.TryParse(reply.AsSpan(0, 3), out var code) || code < 200 || code > 599
            || (reply.Length > 3 && reply[3] != ' '))
        {
            throw new ArgumentException($"Expected an SMTP reply like \"451 4.7.1 try later\", got \"{reply}\".", nameof(reply));
        }
        return new SmtpResponse((SmtpReplyCode)code, reply.Length > 4 ? reply[4..] : "");
    }

    internal static bool IsPositive(SmtpResponse reply) => (int)reply.ReplyCode is >= 200 and < 300;
}
