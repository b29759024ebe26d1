using Integreat.Lists.Core.Posting;
using Integreat.Lists.Core.Tests.Support;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Posting;

public sealed class AutomatedMessageTests
{
    const string Human = "erika@example.org";

    static HeaderList Post(params string[] extra) => Wire.Headers(
    [
        "From: Erika Mustermann <erika@example.org>",
        "To: bayern@lists.integreat.example",
        "Subject: Treffen am Samstag",
        "Date: Mon, 3 Mar 2025 10:00:00 +0100",
        "Message-ID: <20250303.1@example.org>",
        "MIME-Version: 1.0",
        .. extra,
    ]);

    [Fact]
    public void ANormalHumanPostIsNotAutomated()
    {
        Assert.False(AutomatedMessage.IsAutomated(Human, Post("Content-Type: text/plain; charset=utf-8")));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void TheNullReversePathIsAutomated(string sender)
    {
        Assert.True(AutomatedMessage.IsAutomated(sender, Post()));
    }

    [Theory]
    [InlineData("MAILER-DAEMON@mx.example.org")]
    [InlineData("mailer-daemon@mx.example.org")]
    [InlineData("postmaster@example.org")]
    [InlineData("noreply@example.org")]
    [InlineData("other-bounces@lists.example.com")]
    [InlineData("other-bounces+erika=example.org@lists.example.com")]
    [InlineData("owner-other@lists.example.com")]
    public void RobotEnvelopeSendersAreAutomated(string sender)
    {
        Assert.True(AutomatedMessage.IsAutomated(sender, Post()));
    }

    [Theory]
    [InlineData("auto-replied", true)]
    [InlineData("auto-generated", true)]
    [InlineData("Auto-Replied; owner-email=\"erika@example.org\"", true)]
    [InlineData("no", false)]
    [InlineData("No", false)]
    [InlineData(" no ", false)]
    public void AutoSubmittedOtherThanNoIsAutomated(string value, bool expected)
    {
        Assert.Equal(expected, AutomatedMessage.IsAutomated(Human, Post("Auto-Submitted: " + value)));
    }

    [Theory]
    [InlineData("bulk", true)]
    [InlineData("junk", true)]
    [InlineData("list", true)]
    [InlineData("BULK", true)]
    [InlineData("first-class", false)]
    public void PrecedenceBulkJunkOrListIsAutomated(string value, bool expected)
    {
        Assert.Equal(expected, AutomatedMessage.IsAutomated(Human, Post("Precedence: " + value)));
    }

    [Theory]
    [InlineData("X-Autoreply: yes")]
    [InlineData("X-Autorespond: Abwesend")]
    [InlineData("X-Auto-Response-Suppress: OOF")]
    [InlineData("X-Auto-Response-Suppress: All")]
    [InlineData("X-Auto-Response-Suppress: DR, OOF, AutoReply")]
    public void VendorAutoReplyHeadersAreAutomated(string header)
    {
        Assert.True(AutomatedMessage.IsAutomated(Human, Post(header)));
    }

    [Fact]
    public void AMultipartReportIsAutomated()
    {
        var headers = Post("Content-Type: multipart/report; report-type=delivery-status;", "\tboundary=\"9B095B5ADSN=_01D8\"");

        Assert.True(AutomatedMessage.IsAutomated(Human, headers));
    }

    [Theory]
    [InlineData("List-Id: Integreat Hessen <hessen.lists.integreat.example>")]
    [InlineData("List-Post: <mailto:hessen@lists.integreat.example>")]
    public void MailFromAListIsAutomated(string header)
    {
        Assert.True(AutomatedMessage.IsAutomated(Human, Post(header)));
    }

    [Fact]
    public void AMultipartMixedPostWithAttachmentsIsNotAutomated()
    {
        var headers = Post("Content-Type: multipart/mixed; boundary=\"abc\"", "Reply-To: erika@example.org", "User-Agent: Thunderbird");

        Assert.False(AutomatedMessage.IsAutomated(Human, headers));
    }
}
