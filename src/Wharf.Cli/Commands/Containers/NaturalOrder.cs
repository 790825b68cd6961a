namespace Wharf.Cli.Commands.Containers;

/// <summary>fvbommel/sortorder's NaturalLess: runs of digits compare as numbers ("80/tcp" before "443/tcp").</summary>
public static class NaturalOrder
{
    public static int Compare(string? left, string? right)
    {
        left ??= "";
        right ??= "";
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            if (char.IsAsciiDigit(left[i]) && char.IsAsciiDigit(right[j]))
            {
                var (leftStart, rightStart) = (i, j);
                while (i < left.Length && left[i] == '0')
                {
                    i++;
                }

                while (j < right.Length && right[j] == '0')
                {
                    j++;
                }

                var (leftDigits, rightDigits) = (i, j);
                while (i < left.Length && char.IsAsciiDigit(left[i]))
                {
                    i++;
                }

                while (j < right.Length && char.IsAsciiDigit(right[j]))
                {
                    j++;
                }

                var byLength = (i - leftDigits).CompareTo(j - rightDigits);
                if (byLength != 0)
                {
                    return byLength;
                }

                var byValue = string.CompareOrdinal(left, leftDigits, right, rightDigits, i - leftDigits);
                if (byValue != 0)
                {
                    return byValue;
                }

                // Equal numbers: fewer leading zeros first.
                var byZeros = (leftDigits - leftStart).CompareTo(rightDigits - rightStart);
                if (byZeros != 0)
                {
                    return byZeros;
                }

                continue;
            }

            if (left[i] != right[j])
            {
                return left[i].CompareTo(right[j]);
            }

            i++;
            j++;
        }

        return (left.Length - i).CompareTo(right.Length - j);
    }
}
