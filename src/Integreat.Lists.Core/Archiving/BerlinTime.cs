namespace Integreat.Lists.Core.Archiving;

/// <summary>The archive's local time, Europe/Berlin (the IANA zone from the system's tzdata), for months and dates.</summary>
public static class BerlinTime
{
    /// <summary>The zone Europe/Berlin.</summary>
    /// <exception cref="TimeZoneNotFoundException">The system has no tzdata.</exception>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The local time of <paramref name="utc"/>.</summary>
    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The local month of <paramref name="utc"/>, <c>yyyy-MM</c>.</summary>
    public static string Month(DateTime utc) => Local(utc).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>German date and time, e.g. <c>30.11.2026, 14:05 Uhr</c>.</summary>
    public static string German(DateTime utc) => Local(utc).ToString("dd.MM.yyyy, HH:mm 'Uhr'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>English date and time with the zone, e.g. <c>30 Nov 2026, 14:05 CET</c> (CEST in summer).</summary>
    public static string English(DateTime utc)
    {
        var local = Local(utc);
        // Readers abroad need the zone; German readers read "Uhr" as their own time.
        return local.ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture) + (Zone.IsDaylightSavingTime(local) ? " CEST" : " CET");
    }
}
