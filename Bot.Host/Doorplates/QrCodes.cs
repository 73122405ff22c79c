using QRCoder;

namespace Bot.Host.Doorplates;

/// <summary>QR codes of deep links. Error correction level Q survives a scratched or partly covered plate.</summary>
internal static class QrCodes
{
    public static string Svg(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(10);
    }

    public static byte[] Png(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(12);
    }
}
