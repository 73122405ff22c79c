namespace Bot.Knowledge.Items;

/// <summary>A document the citizen brings, with what the window clerk checks (审查要点).</summary>
public sealed record Material
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required MaterialForm Form { get; init; }
    public int Copies { get; init; } = 1;
    public bool Required { get; init; } = true;
    /// <summary>Needed whatever the situation; otherwise a situation option adds it.</summary>
    public bool Always { get; init; }
    public string? Source { get; init; }
    public IReadOnlyList<string> ReviewPoints { get; init; } = [];
    public SampleForm? Sample { get; init; }
    public string? Note { get; init; }
}

/// <summary>The form in which a material is submitted.</summary>
public enum MaterialForm { Original, Copy, OriginalAndCopy, Electronic, OriginalOrElectronic }

/// <summary>A blank or filled-in sample of an application form.</summary>
public sealed record SampleForm(string Name, string Url);

/// <summary>Chinese labels of <see cref="MaterialForm"/>, as written in the seed and shown to citizens.</summary>
public static class MaterialForms
{
    private static readonly Dictionary<string, MaterialForm> ByLabel = new(StringComparer.Ordinal)
    {
        ["原件"] = MaterialForm.Original,
        ["复印件"] = MaterialForm.Copy,
        ["原件及复印件"] = MaterialForm.OriginalAndCopy,
        ["电子证照"] = MaterialForm.Electronic,
        ["原件或电子证照"] = MaterialForm.OriginalOrElectronic,
    };

    public static IReadOnlyCollection<string> Labels => ByLabel.Keys;

    public static bool TryParse(string label, out MaterialForm form) => ByLabel.TryGetValue(label, out form);

    public static string Label(this MaterialForm form) => ByLabel.First(pair => pair.Value == form).Key;
}
