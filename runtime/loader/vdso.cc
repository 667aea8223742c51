#include "runtime/loader/vdso.h"

#include <elf.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace cloudabi::loader {
namespace {

constexpr unsigned char kOsAbiCloudAbi = 17;
constexpr size_t kMaxSymbols = 65536;
constexpr size_t kMaxStringBytes = size_t{1} << 24;

// Section header table indices.
enum : uint16_t {
  kShNull,
  kShText,  // SHT_NOBITS placeholder: the section symbols are relative to.
  kShDynsym,
  kShDynstr,
  kShHash,
  kShDynamic,
  kShShstrtab,
  kShCount,
};

size_t align_up(size_t v, size_t a) { return (v + a - 1) & ~(a - 1); }

// A bucket count of about half the symbol count, odd so that it mixes the low
// bits of the hash a little better. Any count >= 1 is valid.
uint32_t bucket_count(size_t nsyms) { return static_cast<uint32_t>(nsyms / 2) | 1; }

template <typename T>
void put(std::vector<unsigned char>& buf, size_t offset, const T& value) {
  std::memcpy(buf.data() + offset, &value, sizeof value);
}

}  // namespace

uint32_t elf_hash(std::string_view name) {
  uint32_t h = 0;
  for (unsigned char c : name) {
    h = (h << 4) + c;
    uint32_t g = h & 0xf0000000u;
    if (g != 0) h ^= g >> 24;
    h &= ~g;
  }
  return h;
}

Result<Vdso> Vdso::build(std::span<const VdsoSymbol> symbols) {
  if (symbols.size() > kMaxSymbols) {
    return Error{"building the vDSO failed: " + std::to_string(symbols.size()) +
                     " symbols is more than the limit of " + std::to_string(kMaxSymbols),
                 EINVAL};
  }
  std::unordered_set<std::string_view> seen;
  size_t strsz = 1;  // Leading NUL: st_name 0 is the empty name.
  for (const VdsoSymbol& s : symbols) {
    if (s.name.empty() || s.name.find('\0') != std::string_view::npos) {
      return Error{"building the vDSO failed: a symbol name is empty or contains a NUL byte",
                   EINVAL};
    }
    if (!seen.insert(s.name).second) {
      return Error{
          "building the vDSO failed: symbol " + std::string(s.name) + " is listed more than once",
          EINVAL};
    }
    strsz += s.name.size() + 1;
    if (strsz > kMaxStringBytes) {
      return Error{"building the vDSO failed: the symbol names are too long in total", EINVAL};
    }
  }
  static constexpr char kShstrtab[] =
      "\0.text\0.dynsym\0.dynstr\0.hash\0.dynamic\0.shstrtab";  // Ends with one more NUL.
  static constexpr uint32_t kNameText = 1, kNameDynsym = 7, kNameDynstr = 15, kNameHash = 23,
                            kNameDynamic = 29, kNameShstrtab = 38;

  const size_t nsyms = symbols.size() + 1;  // Symbol 0 is the null symbol.
  const uint32_t nbucket = bucket_count(nsyms);
  constexpr size_t kNumDyn = 6;

  // Layout (file offsets == addresses; the image is linked at 0).
  const size_t off_phdr = sizeof(Elf64_Ehdr);
  const size_t off_dynamic = off_phdr + 2 * sizeof(Elf64_Phdr);
  const size_t off_dynsym = align_up(off_dynamic + kNumDyn * sizeof(Elf64_Dyn), 8);
  const size_t off_hash = off_dynsym + nsyms * sizeof(Elf64_Sym);
  const size_t hash_size = (2 + nbucket + nsyms) * sizeof(uint32_t);
  const size_t off_dynstr = off_hash + hash_size;
  const size_t off_shstrtab = off_dynstr + strsz;
  const size_t off_shdr = align_up(off_shstrtab + sizeof kShstrtab, 8);
  const size_t size = off_shdr + kShCount * sizeof(Elf64_Shdr);

  std::vector<unsigned char> buf(size, 0);

  Elf64_Ehdr eh{};
  std::memcpy(eh.e_ident, ELFMAG, SELFMAG);
  eh.e_ident[EI_CLASS] = ELFCLASS64;
  eh.e_ident[EI_DATA] = ELFDATA2LSB;
  eh.e_ident[EI_VERSION] = EV_CURRENT;
  eh.e_ident[EI_OSABI] = kOsAbiCloudAbi;
  eh.e_type = ET_DYN;
  eh.e_machine = EM_X86_64;
  eh.e_version = EV_CURRENT;
  eh.e_phoff = off_phdr;
  eh.e_shoff = off_shdr;
  eh.e_ehsize = sizeof(Elf64_Ehdr);
  eh.e_phentsize = sizeof(Elf64_Phdr);
  eh.e_phnum = 2;
  eh.e_shentsize = sizeof(Elf64_Shdr);
  eh.e_shnum = kShCount;
  eh.e_shstrndx = kShShstrtab;
  put(buf, 0, eh);

  Elf64_Phdr load{};
  load.p_type = PT_LOAD;
  load.p_flags = PF_R;
  load.p_filesz = load.p_memsz = size;
  load.p_align = 4096;
  put(buf, off_phdr, load);
  Elf64_Phdr dyn{};
  dyn.p_type = PT_DYNAMIC;
  dyn.p_flags = PF_R;
  dyn.p_offset = dyn.p_vaddr = dyn.p_paddr = off_dynamic;
  dyn.p_filesz = dyn.p_memsz = kNumDyn * sizeof(Elf64_Dyn);
  dyn.p_align = 8;
  put(buf, off_phdr + sizeof(Elf64_Phdr), dyn);

  const Elf64_Dyn dynamic[kNumDyn] = {
      {DT_HASH, {off_hash}}, {DT_STRTAB, {off_dynstr}},        {DT_SYMTAB, {off_dynsym}},
      {DT_STRSZ, {strsz}},   {DT_SYMENT, {sizeof(Elf64_Sym)}}, {DT_NULL, {0}},
  };
  std::memcpy(buf.data() + off_dynamic, dynamic, sizeof dynamic);

  // Allocate first so the final address is known: st_value is relative to it.
  const long pgl = ::sysconf(_SC_PAGESIZE);
  const size_t pg = pgl > 0 ? static_cast<size_t>(pgl) : 4096;
  const size_t mapped = align_up(size, pg);
  void* mem = ::mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) {
    int err = errno;
    return Error::from_errno("building the vDSO failed: allocating memory", err);
  }
  Vdso vdso(mem, size, mapped);
  const uintptr_t ehdr = vdso.ehdr();

  // Symbols, strings and the hash table.
  std::vector<uint32_t> buckets(nbucket, STN_UNDEF), chains(nsyms, STN_UNDEF);
  size_t str = 1;
  for (size_t i = 1; i < nsyms; ++i) {
    const VdsoSymbol& s = symbols[i - 1];
    Elf64_Sym sym{};
    sym.st_name = static_cast<uint32_t>(str);
    sym.st_info = ELF64_ST_INFO(STB_GLOBAL, STT_FUNC);
    sym.st_other = STV_DEFAULT;
    sym.st_shndx = kShText;
    sym.st_value = s.address - ehdr;  // Modulo 2^64: the entry point may lie below the image.
    sym.st_size = 0;
    put(buf, off_dynsym + i * sizeof(Elf64_Sym), sym);
    std::memcpy(buf.data() + off_dynstr + str, s.name.data(), s.name.size());
    str += s.name.size() + 1;
    uint32_t b = elf_hash(s.name) % nbucket;
    chains[i] = buckets[b];
    buckets[b] = static_cast<uint32_t>(i);
  }
  const uint32_t hash_head[2] = {nbucket, static_cast<uint32_t>(nsyms)};
  std::memcpy(buf.data() + off_hash, hash_head, sizeof hash_head);
  std::memcpy(buf.data() + off_hash + 8, buckets.data(), nbucket * sizeof(uint32_t));
  std::memcpy(buf.data() + off_hash + 8 + nbucket * sizeof(uint32_t), chains.data(),
              nsyms * sizeof(uint32_t));
  std::memcpy(buf.data() + off_shstrtab, kShstrtab, sizeof kShstrtab);

  // Section headers (for tools only; crt0 never reads them).
  Elf64_Shdr sh[kShCount] = {};
  sh[kShText] = {kNameText, SHT_NOBITS, SHF_ALLOC | SHF_EXECINSTR, 0, 0, 0, 0, 0, 16, 0};
  sh[kShDynsym] = {
      kNameDynsym, SHT_DYNSYM, SHF_ALLOC, off_dynsym,       off_dynsym, nsyms * sizeof(Elf64_Sym),
      kShDynstr,   1,          8,         sizeof(Elf64_Sym)};
  sh[kShDynstr] = {kNameDynstr, SHT_STRTAB, SHF_ALLOC, off_dynstr, off_dynstr, strsz, 0, 0, 1, 0};
  sh[kShHash] = {kNameHash, SHT_HASH, SHF_ALLOC, off_hash, off_hash, hash_size, kShDynsym, 0, 4, 4};
  sh[kShDynamic] = {kNameDynamic,     SHT_DYNAMIC, SHF_ALLOC,
                    off_dynamic,      off_dynamic, kNumDyn * sizeof(Elf64_Dyn),
                    kShDynstr,        0,           8,
                    sizeof(Elf64_Dyn)};
  sh[kShShstrtab] = {kNameShstrtab, SHT_STRTAB, 0, 0, off_shstrtab, sizeof kShstrtab, 0, 0, 1, 0};
  std::memcpy(buf.data() + off_shdr, sh, sizeof sh);

  std::memcpy(mem, buf.data(), size);
  if (::mprotect(mem, mapped, PROT_READ) != 0) {
    int err = errno;
    return Error::from_errno("building the vDSO failed: making it read-only", err);
  }
  return vdso;
}

Vdso::Vdso(Vdso&& other) noexcept
    : mem_(std::exchange(other.mem_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      mapped_(std::exchange(other.mapped_, 0)) {}

Vdso& Vdso::operator=(Vdso&& other) noexcept {
  if (this != &other) {
    reset();
    mem_ = std::exchange(other.mem_, nullptr);
    size_ = std::exchange(other.size_, 0);
    mapped_ = std::exchange(other.mapped_, 0);
  }
  return *this;
}

Vdso::~Vdso() { reset(); }

void Vdso::reset() {
  if (mem_ != nullptr) ::munmap(mem_, mapped_);
  mem_ = nullptr;
  size_ = mapped_ = 0;
}

}  // namespace cloudabi::loader
