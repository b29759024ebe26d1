using Integreat.Lists.Core.Bounces;

namespace Integreat.Lists.Core.Tests.Bounces;

public sealed class PostfixTextRecogniserTests
{
    readonly PostfixTextRecogniser _recogniser = new();

    const string Notice = """
        This is the mail system at host mx.example.net.

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients. It's attached below.

        For further assistance, please send mail to <postmaster@mx.example.net>

                           The mail system

        <erika@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1
            <erika@example.org>: Recipient address rejected: User unknown (in reply
            to RCPT TO command)
        """;

    [Fact]
    public void Bracketed_address_colon_reason_lines_are_the_recipients()
    {
        var report = _recogniser.TryRecognise(Reports.Text(Notice, subject: "Undelivered Mail Returned to Sender"));

        Assert.Equal(BounceKind.Permanent, report?.Kind);
        Assert.Equal(["erika@example.org"], report?.Recipients);
        Assert.Equal("5.1.1", report?.Status);
        Assert.Equal("postfix", report?.Recogniser);
    }

    [Fact]
    public void From_an_unknown_sender_the_lines_must_quote_a_status_code()
    {
        Assert.NotNull(_recogniser.TryRecognise(Reports.Text(Notice, from: "smtp-service@example.net")));
        Assert.Null(_recogniser.TryRecognise(Reports.Text("<erika@example.org>: see you on Monday", from: "max@example.org")));
    }
}
