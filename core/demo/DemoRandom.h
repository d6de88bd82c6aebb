#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace warroom::demo::Internal {

// splitmix64: seeds the main generator and hashes ids. Same output on every platform.
inline std::uint64_t splitmix64(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

inline std::uint64_t mix64(std::uint64_t value)
{
    std::uint64_t state = value;
    return splitmix64(state);
}

// xoshiro256** with our own range reduction, so results never depend on the standard
// library's distributions (which differ between libstdc++ and libc++ versions).
class Rng
{
public:
    explicit Rng(std::uint64_t seed, std::uint64_t stream = 0)
    {
        std::uint64_t state = seed ^ mix64(stream + 0x632be59bd9b4e019ULL);
        for (auto &word : m_s)
            word = splitmix64(state);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    // Uniform in [0, n); n > 0. Lemire's multiply-shift (bias < n / 2^64, irrelevant here).
    std::uint64_t below(std::uint64_t n)
    {
        return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
    }
    int between(int lo, int hi) { return lo + static_cast<int>(below(std::uint64_t(hi - lo + 1))); }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }

    template<typename T>
    const T &pick(const std::vector<T> &items)
    {
        return items[below(items.size())];
    }
    template<typename T, std::size_t N>
    const T &pick(const T (&items)[N])
    {
        return items[below(N)];
    }

    template<typename T>
    void shuffle(std::vector<T> &items)
    {
        for (std::size_t i = items.size(); i > 1; --i)
            std::swap(items[i - 1], items[below(i)]);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_s[4];
};

// Weighted choice over a fixed set: cumulative weights and a binary search.
class WeightedPicker
{
public:
    void add(int item, double weight)
    {
        m_total += weight;
        m_items.push_back(item);
        m_cumulative.push_back(m_total);
    }
    bool empty() const { return m_items.empty(); }
    int size() const { return int(m_items.size()); }
    int pick(Rng &rng) const
    {
        const double x = rng.unit() * m_total;
        auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), x);
        if (it == m_cumulative.end())
            --it;
        return m_items[std::size_t(it - m_cumulative.begin())];
    }

private:
    std::vector<int> m_items;
    std::vector<double> m_cumulative;
    double m_total = 0;
};

} // namespace warroom::demo::Internal
