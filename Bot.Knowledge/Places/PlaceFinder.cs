namespace Bot.Knowledge.Places;

/// <summary>Orders service points for a citizen (nearest first) and tells whether and when they are open.</summary>
public static class PlaceFinder
{
    /// <summary>Great-circle distance in kilometres.</summary>
    public static double DistanceKm(GeoPoint a, GeoPoint b)
    {
        const double EarthRadiusKm = 6371.0;
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(b.Lat - a.Lat);
        var dLng = Rad(b.Lng - a.Lng);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(a.Lat)) * Math.Cos(Rad(b.Lat)) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>
    /// Nearest first from <paramref name="origin"/>; without one, points in <paramref name="township"/> first, then the
    /// county centre, then the rest in seed order.
    /// </summary>
    public static IReadOnlyList<ServicePoint> Order(IEnumerable<ServicePoint> points, GeoPoint? origin, string? township) =>
        origin is { } from
            ? points.OrderBy(p => p.Location is { } at ? DistanceKm(from, at) : double.MaxValue).ToList()
            : points.Select((p, i) => (p, i))
                .OrderBy(x => township is not null && x.p.Township == township ? 0 : x.p.Kind == ServicePointKind.Center ? 1 : 2)
                .ThenBy(x => x.i)
                .Select(x => x.p)
                .ToList();

    public static bool IsOpen(ServicePoint point, DateTime localTime) => point.Hours.Any(h => h.Contains(localTime));

    /// <summary>The next moment the point opens after <paramref name="localTime"/> within a week, or null if it lists no hours.</summary>
    public static DateTime? NextOpening(ServicePoint point, DateTime localTime)
    {
        for (var day = 0; day <= 7; day++)
        {
            var date = localTime.Date.AddDays(day);
            var opening = point.Hours
                .Where(h => h.Days.Contains(date.DayOfWeek))
                .Select(h => date + h.Open.ToTimeSpan())
                .Where(t => t > localTime)
                .Order()
                .FirstOrDefault();
            if (opening != default) return opening;
        }
        return null;
    }
}
