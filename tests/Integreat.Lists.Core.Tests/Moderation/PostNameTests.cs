using Integreat.Lists.Core.Moderation;

namespace Integreat.Lists.Core.Tests.Moderation;

/// <summary>How a held post is named to moderators: Subject and author, the notices' fallback for no Subject.</summary>
public sealed class PostNameTests
{
    [Fact]
    public void A_post_is_named_by_its_subject_in_each_languages_quotes_and_its_author()
    {
        var name = new PostName("Treffen am Montag", "anna.schmidt@example.org");

        Assert.Equal("„Treffen am Montag“ von anna.schmidt@example.org", name.German);
        Assert.Equal("\"Treffen am Montag\" from anna.schmidt@example.org", name.English);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \t ")]
    public void An_empty_subject_is_named_as_the_hold_notices_name_it(string subject)
    {
        var name = new PostName(subject, "anna.schmidt@example.org");

        Assert.Equal("(kein Betreff) von anna.schmidt@example.org", name.German);
        Assert.Equal("(no subject) from anna.schmidt@example.org", name.English);
        Assert.Equal("(kein Betreff)", PostName.SubjectGerman(subject));
        Assert.Equal("(no subject)", PostName.SubjectEnglish(subject));
    }

    [Fact]
    public void A_post_without_any_sender_is_named_by_its_subject_alone()
    {
        var name = new PostName("Unzustellbar", "");

        Assert.Equal("„Unzustellbar“", name.German);
        Assert.Equal("\"Unzustellbar\"", name.English);
    }

    [Fact]
    public void A_strangers_subject_cannot_add_lines_or_run_on_in_our_texts()
    {
        var name = new PostName("Hallo\r\nBcc: alle@example.org " + new string('x', 300), "fremd@example.com");

        Assert.DoesNotContain('\n', name.German);
        Assert.DoesNotContain('\r', name.English);
        Assert.StartsWith("„Hallo Bcc: alle@example.org x", name.German);
        Assert.True(name.German.Length < 200, name.German);
    }

    [Fact]
    public void The_name_of_a_held_post_comes_from_its_record()
    {
        var post = new HeldPost { Id = "20261129T230000Z-1a2b3c", Subject = "Sommerfest", Sender = "fremd@example.com" };

        Assert.Equal(new PostName("Sommerfest", "fremd@example.com"), PostName.Of(post));
        Assert.DoesNotContain(post.Id, PostName.Of(post).German);
    }
}
