using QRCoder;

namespace Enoe.App.Account;

/// <summary>
/// The enrolment QR code as a PNG data URI: an image the page's Content-Security-Policy allows, no script.
/// </summary>
public static class TwoFactorQrCode
{
    public static string DataUri(string text) =>
        "data:image/png;base64,"
        + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(text, QRCodeGenerator.ECCLevel.M, 6));
}
