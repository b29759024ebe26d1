using Integreat.Lists.Core.Bounces;

namespace Integreat.Lists.Core.Tests.Bounces;

public sealed class QmailRecogniserTests
{
    readonly QmailRecogniser _recogniser = new();

    const string TwoRecipients = """
        Hi. This is the qmail-send program at mx.example.net.
        I'm afraid I wasn't able to deliver your message to the following addresses.
        This is a permanent error; I've given up. Sorry it didn't work out.

        <erika@example.org>:
        Sorry, no mailbox here by that name. (#5.1.1)

        <max@example.org>:
        192.0.2.7 does not like recipient.
        Remote host said: 552 5.2.2 <max@example.org>... Mailbox full
        Giving up on 192.0.2.7.

        --- Below this line is a copy of the message.

        Return-Path: <bayern-bounces@lists.example.org>
        From: erika@example.org

        <nobody@example.org>:
        """;

    [Fact]
    public void Each_address_line_is_a_recipient_up_to_the_copy_of_the_message()
    {
        var report = _recogniser.TryRecognise(Reports.Text(TwoRecipients));

        Assert.Equal(BounceKind.Permanent, report?.Kind);
        Assert.Equal(["erika@example.org", "max@example.org"], report?.Recipients);
        Assert.Equal("5.1.1", report?.Status);
        Assert.Equal("qmail", report?.Recogniser);
    }

    [Fact]
    public void A_class_4_qmail_code_is_temporary_even_when_qmail_gave_up()
    {
        var report = _recogniser.TryRecognise(Reports.Text("""
            <erika@example.org>:
            Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)
            I'm not going to try again; this message has been in the queue too long.

            --- Below this line is a copy of the message.
            """));

        Assert.Equal(BounceKind.Temporary, report?.Kind);
        Assert.Equal("4.4.1", report?.Status);
    }

    [Fact]
    public void Mail_from_a_person_is_not_a_qmail_bounce()
    {
        Assert.Null(_recogniser.TryRecognise(Reports.Text(TwoRecipients, from: "erika@example.org")));
    }
}
