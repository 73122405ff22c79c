using System.Security.Cryptography;
using System.Text;

namespace Bot.Knowledge.Seed;

/// <summary>A hash over every seed file's path and bytes: equal hashes mean nothing to import.</summary>
internal static class SeedFingerprint
{
    public static string Compute(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
                     .Select(p => Path.GetRelativePath(directory, p).Replace('\\', '/'))
                     .Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(directory, path)));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
