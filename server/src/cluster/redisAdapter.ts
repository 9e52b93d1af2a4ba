import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';

/**
 * Socket.IO's Redis adapter on two connections of their own (a subscribed connection can do
 * nothing else), without the stores' key prefix: its channels are its own.
 */
export function redisAdapter(redis: Redis) {
  const pub = redis.duplicate({ keyPrefix: '' });
  const sub = redis.duplicate({ keyPrefix: '' });
  return {
    adapter: createAdapter(pub, sub, { key: 'hearth-socket.io' }),
    close: () => {
      pub.disconnect();
      sub.disconnect();
    },
  };
}
