using Integreat.Lists.Core.Bounces;

namespace Integreat.Lists.Core.Tests.Bounces;

public sealed class MentionedAddressRecogniserTests
{
    readonly MentionedAddressRecogniser _recogniser = new();

    [Fact]
    public void Addresses_in_a_mail_system_notice_are_the_recipients_except_its_parties()
    {
        var report = _recogniser.TryRecognise(Reports.Text("""
            Ihre Nachricht an erika@example.org konnte nicht zugestellt werden:
            552 Quota überschritten. Absender: bayern-bounces@lists.example.org, Hilfe: postmaster@mx.example.net
            """));

        Assert.Equal(["erika@example.org"], report?.Recipients);
        Assert.Equal((BounceKind.Permanent, "552"), (report!.Kind, report.Status));
        Assert.Equal("mentioned-address", report.Recogniser);
    }

    [Fact]
    public void A_notice_that_mentions_many_addresses_is_left_alone()
    {
        Assert.Null(_recogniser.TryRecognise(Reports.Text("Examples: a@example.org, b@example.org, c@example.org, d@example.org")));
    }

    [Fact]
    public void Mail_from_a_person_is_left_alone()
    {
        Assert.Null(_recogniser.TryRecognise(Reports.Text("Please add erika@example.org to the list.", from: "max@example.org")));
    }
}
