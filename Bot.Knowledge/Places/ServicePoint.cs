namespace Bot.Knowledge.Places;

/// <summary>Where a citizen can go: the county centre, a township centre, a community station or a self-service kiosk.</summary>
public sealed record ServicePoint
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required ServicePointKind Kind { get; init; }
    public required string Township { get; init; }
    public string? Address { get; init; }
    public GeoPoint? Location { get; init; }
    public string? Phone { get; init; }
    public IReadOnlyList<OpeningSpan> Hours { get; init; } = [];
    public IReadOnlyList<Window> Windows { get; init; } = [];
    public string? Notes { get; init; }

    /// <summary>A map link that opens navigation to this point, when its coordinates are known.</summary>
    public string? NavigationUrl => Location is { } at
        ? FormattableString.Invariant($"https://uri.amap.com/marker?position={at.Lng},{at.Lat}&name={Uri.EscapeDataString(Name)}")
        : null;
}

/// <summary>The kinds of service point, from the county centre down to a kiosk.</summary>
public enum ServicePointKind { Center, Township, Community, Kiosk }

/// <summary>WGS-84 coordinates.</summary>
public sealed record GeoPoint(double Lat, double Lng);

/// <summary>A numbered counter at a service point and the departments it serves (none listed: 综合受理).</summary>
public sealed record Window(string Id, string Name, IReadOnlyList<string> Departments);
