#ifndef CCRYPTO_SHIM_H
#define CCRYPTO_SHIM_H
/* SHA256_Init/Update/Final: OpenSSL 3 marks them deprecated in favour of EVP, but they are still
   exported and are the allocation-free, value-type API (SHA256_CTX is a plain struct). */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#endif
