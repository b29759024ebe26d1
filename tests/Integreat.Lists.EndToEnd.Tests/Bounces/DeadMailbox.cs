using System.Text;
using Integreat.Lists.Core.Bounces;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Bounces;

/// <summary>A mailbox behind the fake smarthost that answers 550: the smarthost accepts the mail (as a relay does), and
/// this returns an RFC 3464 DSN for each such message to its envelope sender (the list's VERP address), over SMTP to
/// the daemon, with the null reverse-path.</summary>
sealed class DeadMailbox(string address, FakeSmarthost smarthost, TestDaemon daemon)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    readonly HashSet<CapturedMessage> _returned = [];

    /// <summary>The messages the relay accepted for the mailbox so far, oldest first.</summary>
    public IReadOnlyList<CapturedMessage> Received => smarthost.Messages.Where(m => m.Recipients.Contains(address)).ToList();

    /// <summary>Waits until the relay accepted <paramref name="count"/> messages for the mailbox; returns the last.</summary>
    public async Task<CapturedMessage> WaitForAsync(int count)
    {
        await smarthost.WaitForAsync(_ => Received.Count >= count, Timeout, $"{count} messages for {address}");
        return Received[count - 1];
    }

    /// <summary>Returns a DSN for <paramref name="message"/> and waits until the bounce runner processed it.</summary>
    /// <returns>The members the bounce runner scored.</returns>
    /// <param name="message">A message the relay accepted for the mailbox.</param>
    /// <param name="status">The DSN's Status.</param>
    /// <param name="reply">The remote reply quoted in the DSN's Diagnostic-Code.</param>
    /// <param name="finalRecipient">The address the DSN names; the mailbox's own by default (another one stands for a
    /// forwarding the list cannot know).</param>
    public async Task<IReadOnlyList<string>> BounceAsync(CapturedMessage message, string status = "5.1.1",
        string reply = "550 5.1.1 mailbox unavailable", string? finalRecipient = null)
    {
        Assert.True(_returned.Add(message), "that message was bounced already");
        var processed = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var processor = daemon.Get<BounceProcessor>();
        void Handler(string _, IReadOnlyList<string> scored) => processed.TrySetResult(scored);
        processor.Processed += Handler;
        try
        {
            var answer = await daemon.PostRawAsync(Dsn(message, status, reply, finalRecipient ?? address), "", message.Sender);
            Assert.StartsWith("250", answer);
            return await processed.Task.WaitAsync(Timeout);
        }
        finally
        {
            processor.Processed -= Handler;
        }
    }

    static byte[] Dsn(CapturedMessage message, string status, string reply, string address)
    {
        var headers = Encoding.ASCII.GetString(message.Data).Split("\r\n\r\n")[0];
        var text = $"""
            From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
            To: {message.Sender}
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <{Guid.NewGuid():N}@mx.example.net>
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="DSN"

            --DSN
            Content-Type: text/plain

            <{address}>: host mx.example.net said: {reply}

            --DSN
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.net

            Final-Recipient: rfc822; {address}
            Action: failed
            Status: {status}
            Diagnostic-Code: smtp; {reply}

            --DSN
            Content-Type: text/rfc822-headers

            {headers}

            --DSN--
            """;
        return Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n") + "\r\n");
    }
}
