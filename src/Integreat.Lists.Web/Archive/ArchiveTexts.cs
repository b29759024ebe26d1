namespace Integreat.Lists.Web.Archive;

/// <summary>The words of the archive pages, German (Sie-Form) and English.</summary>
public sealed record ArchiveTexts(
    string Lang, string Archive, string Months, string Threads, string Posts, string Subject, string From, string Date,
    string Replies, string Search, string SearchLabel, string NoResults, string Results, string Previous, string Next,
    string Attachments, string Thread, string Download, string Mbox, string NotFound, string SignInNeeded, string SignIn,
    string NotMember, string Empty, string ImageBlocked,
    string LastPost, string BackToList, string Post, string PostsCounted)
{
    /// <summary>German, the default.</summary>
    public static readonly ArchiveTexts German = new(
        "de", "Archiv", "Monate", "Themen", "Beiträge", "Betreff", "Von", "Datum",
        "Beiträge im Thema", "Suche", "Im Archiv suchen", "Keine Treffer.", "Treffer", "Vorherige Seite", "Nächste Seite",
        "Anhänge", "Thema", "Herunterladen", "Monat als mbox-Datei herunterladen", "Diese Seite gibt es nicht.",
        "Dieses Archiv ist nur für Mitglieder der Liste. Bitte melden Sie sich an.", "Anmelden",
        "Dieses Archiv ist nur für Mitglieder der Liste. Sie sind mit Ihrer Adresse kein Mitglied.", "Noch keine Beiträge.", "Bild nicht geladen", "Letzter Beitrag", "Zurück zum Archiv", "Beitrag", "Beiträge");

    /// <summary>English.</summary>
    public static readonly ArchiveTexts English = new(
        "en", "Archive", "Months", "Threads", "Posts", "Subject", "From", "Date",
        "Posts in thread", "Search", "Search the archive", "No results.", "Results", "Previous page", "Next page",
        "Attachments", "Thread", "Download", "Download the month as an mbox file", "There is no such page.",
        "This archive is for members of the list only. Please sign in.", "Sign in",
        "This archive is for members of the list only. Your address is not a member.", "No posts yet.", "Image not loaded", "Latest post", "Back to the archive", "post", "posts");

    /// <summary>"1 Beitrag", "3 Beiträge" (or "1 post", "3 posts").</summary>
    public string PostCount(int count) => $"{count} {(count == 1 ? Post : PostsCounted)}";

    /// <summary>The texts of the page's language.</summary>
    public static ArchiveTexts For(bool english) => english ? English : German;

    /// <summary>A date in the page's language (Europe/Berlin).</summary>
    public string When(DateTime utc) => Lang == "de" ? Core.Archiving.BerlinTime.German(utc) : Core.Archiving.BerlinTime.English(utc);
}
