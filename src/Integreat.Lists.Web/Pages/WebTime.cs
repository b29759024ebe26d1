using System.Globalization;

namespace Integreat.Lists.Web.Pages;

/// <summary>Times on pages: local time in Europe/Berlin, German <c>dd.MM.yyyy HH:mm</c> or English <c>yyyy-MM-dd HH:mm</c>.</summary>
public static class WebTime
{
    static readonly TimeZoneInfo Berlin = Find();

    /// <summary>Formats a UTC time for the page language.</summary>
    public static string Format(DateTime utc, Ui ui)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Berlin);
        return local.ToString(ui.English ? "yyyy-MM-dd HH:mm" : "dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
