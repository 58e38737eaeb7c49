namespace SupportBot.Core.Sentiment.Vader;

/// <summary>
/// JavaScript's <c>parseFloat(x.toFixed(digits))</c>, which the package applies to every score (compound
/// to 4 decimals, proportions to 3). <c>toFixed</c> rounds the exact binary value of the double, ties to
/// the larger magnitude; <see cref="Math.Round(double, int, MidpointRounding)"/> scales first and can land
/// on the other side of a tie (1.00005 → 1.0001 instead of 1.0000), so the digits are computed exactly.
/// </summary>
internal static class JsNumber
{
    public static double ToFixed(double value, int digits)
    {
        if (!double.IsFinite(value))
        {
            return value;
        }

        var negative = value < 0;
        var magnitude = Math.Abs(value);
        ulong scale = digits switch { 3 => 1_000, 4 => 10_000, _ => throw new ArgumentOutOfRangeException(nameof(digits)) };

        // magnitude = mantissa × 2^exponent exactly.
        var bits = BitConverter.DoubleToUInt64Bits(magnitude);
        var biased = (int)(bits >> 52);
        var mantissa = bits & ((1UL << 52) - 1);
        int exponent;
        if (biased == 0)
        {
            exponent = -1074;
        }
        else
        {
            mantissa |= 1UL << 52;
            exponent = biased - 1075;
        }

        ulong units;
        if (exponent >= 0)
        {
            // ≥ 2^52: already an integer; the scores never get here, but stay correct anyway.
            return value;
        }
        else
        {
            var shift = -exponent;
            if (shift > 120)
            {
                units = 0;
            }
            else
            {
                // mantissa < 2^53 and scale < 2^14, so the product fits in 128 bits.
                var scaled = (UInt128)mantissa * scale;
                var whole = scaled >> shift;
                var remainder = scaled - (whole << shift);
                if (remainder >= (UInt128)1 << (shift - 1))
                {
                    whole++;
                }

                units = (ulong)whole;
            }
        }

        // n / 10^d with both exact is correctly rounded: the double parseFloat would read.
        var result = units / (double)scale;
        return negative ? -result : result;
    }
}
